import { createRequire as __plCreateRequire } from 'node:module';
const require = __plCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/discover/paths.ts
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
function relativeInside(file, cwd) {
  const base = resolve(cwd);
  const target = resolve(cwd, file);
  return nested(base, target) ?? nested(realPath(base), realPath(target));
}
function isUri(file) {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(file);
}
function hasScheme(url) {
  return /^[a-z][a-z0-9+.-]+:/i.test(url);
}
function relativeForMatching(file, cwd) {
  return relativeInside(file, cwd) ?? toPosix(relative(cwd, file));
}
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
function nested(base, target) {
  const rel = relative(base, target);
  if (rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(".." + sep)) return void 0;
  return toPosix(rel);
}
function realPath(file) {
  const absolute = resolve(file);
  let real = realPaths.get(absolute);
  if (real === void 0) {
    try {
      real = realpathSync.native(absolute);
    } catch {
      real = absolute;
    }
    realPaths.set(absolute, real);
  }
  return real;
}
var realPaths;
var init_paths = __esm({
  "src/discover/paths.ts"() {
    "use strict";
    realPaths = /* @__PURE__ */ new Map();
  }
});

// src/errors.ts
var UsageError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    UsageError = class extends Error {
    };
  }
});

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count2, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count2 || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count2) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
var init_scanner = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/scanner.js"() {
    "use strict";
    (function(CharacterCodes2) {
      CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
      CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
      CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
      CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
      CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
      CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
      CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
      CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
      CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
      CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
      CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
      CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
      CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
      CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
      CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
      CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
      CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
      CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
      CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
      CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
      CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
      CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
      CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
      CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
      CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
      CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
      CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
      CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
      CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
      CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
      CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
      CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
      CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
      CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
      CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
      CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
      CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
      CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
      CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
      CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
      CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
      CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
      CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
      CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
      CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
      CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
      CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
      CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
      CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
      CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
      CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
      CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
      CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
      CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
      CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
      CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
      CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
      CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
      CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
      CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
      CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
      CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
      CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
      CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
      CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
      CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
      CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
      CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
      CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
      CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
      CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
      CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
      CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
      CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
      CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
      CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
      CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
      CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
      CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
      CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
    })(CharacterCodes || (CharacterCodes = {}));
  }
});

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces, maxCachedValues, cachedBreakLinesWithSpaces;
var init_string_intern = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/string-intern.js"() {
    cachedSpaces = new Array(20).fill(0).map((_, index) => {
      return " ".repeat(index);
    });
    maxCachedValues = 200;
    cachedBreakLinesWithSpaces = {
      " ": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + " ".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + " ".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + " ".repeat(index);
        })
      },
      "	": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + "	".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + "	".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + "	".repeat(index);
        })
      }
    };
  }
});

// node_modules/jsonc-parser/lib/esm/impl/format.js
var init_format = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/format.js"() {
    "use strict";
    init_scanner();
    init_string_intern();
  }
});

// node_modules/jsonc-parser/lib/esm/impl/parser.js
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep4, offset, length) => {
      if (currentParent.type === "property") {
        if (sep4 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep4 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}
var ParseOptions;
var init_parser = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/parser.js"() {
    "use strict";
    init_scanner();
    (function(ParseOptions2) {
      ParseOptions2.DEFAULT = {
        allowTrailingComma: false
      };
    })(ParseOptions || (ParseOptions = {}));
  }
});

// node_modules/jsonc-parser/lib/esm/impl/edit.js
var init_edit = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/edit.js"() {
    "use strict";
    init_format();
    init_parser();
  }
});

// node_modules/jsonc-parser/lib/esm/main.js
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
var ScanError, SyntaxKind, parseTree2, ParseErrorCode;
var init_main = __esm({
  "node_modules/jsonc-parser/lib/esm/main.js"() {
    "use strict";
    init_format();
    init_edit();
    init_scanner();
    init_parser();
    (function(ScanError2) {
      ScanError2[ScanError2["None"] = 0] = "None";
      ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
      ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
      ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
      ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
      ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
      ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
    })(ScanError || (ScanError = {}));
    (function(SyntaxKind2) {
      SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
      SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
      SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
      SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
      SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
      SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
      SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
      SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
      SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
      SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
      SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
      SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
      SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
      SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
      SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
      SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
      SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
    })(SyntaxKind || (SyntaxKind = {}));
    parseTree2 = parseTree;
    (function(ParseErrorCode2) {
      ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
      ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
      ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
      ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
      ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
      ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
      ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
      ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
      ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
      ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
      ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
    })(ParseErrorCode || (ParseErrorCode = {}));
  }
});

// src/parse/types.ts
function pathKey(path11) {
  return path11.join("\0");
}
var init_types = __esm({
  "src/parse/types.ts"() {
    "use strict";
  }
});

// src/parse/locate.ts
function computeLineStarts(source) {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
function lineIndexOf(lineStarts, offset) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
function positionOf(lineStarts, offset) {
  const index = lineIndexOf(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index] + 1 };
}
function regionOf(source, lineStarts, start, end) {
  let e = Math.max(start, end);
  while (e > start && /[\s]/.test(source[e - 1])) e--;
  const s = positionOf(lineStarts, start);
  if (e === start) return { startLine: s.line, startColumn: s.column, endLine: s.line, endColumn: s.column + 1 };
  const last = positionOf(lineStarts, e - 1);
  return { startLine: s.line, startColumn: s.column, endLine: last.line, endColumn: last.column + 1 };
}
function locate(doc, path11) {
  for (let n = path11.length; n >= 0; n--) {
    const sub = n === path11.length ? path11 : path11.slice(0, n);
    const location2 = doc.locations.get(pathKey(sub));
    if (location2) return { path: sub, location: location2, exact: n === path11.length };
  }
  return void 0;
}
function findingRegion(doc, path11) {
  return locatedRegion(doc, locate(doc, path11));
}
function locatedRegion(doc, found) {
  if (!found) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const { location: location2, exact } = found;
  if (!exact && location2.keyStart >= 0) return regionOf(doc.source, doc.lineStarts, location2.keyStart, location2.keyEnd);
  return regionOf(doc.source, doc.lineStarts, location2.start, location2.end);
}
function offsetRegion(doc, start, end) {
  return regionOf(doc.source, doc.lineStarts, start, end);
}
var init_locate = __esm({
  "src/parse/locate.ts"() {
    "use strict";
    init_types();
  }
});

// node_modules/js-yaml/dist/js-yaml.mjs
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags2) {
  const result = [];
  for (const tag of tags2) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count2) {
  if (count2 === 1) return " ";
  return "\n".repeat(count2 - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
function addDocumentEvent(state2, explicitStart, explicitEnd) {
  state2.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state2.directives
  });
}
function addSequenceEvent(state2, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state2.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state2, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state2.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state2, snapshot) {
  state2.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state2, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state2.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state2, anchorStart, anchorEnd) {
  state2.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state2) {
  state2.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state2) {
  addScalarEvent(state2, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state2) {
  return {
    position: state2.position,
    line: state2.line,
    lineStart: state2.lineStart,
    lineIndent: state2.lineIndent,
    firstTabInLine: state2.firstTabInLine,
    eventsLength: state2.events.length
  };
}
function restoreState(state2, snapshot) {
  state2.position = snapshot.position;
  state2.line = snapshot.line;
  state2.lineStart = snapshot.lineStart;
  state2.lineIndent = snapshot.lineIndent;
  state2.firstTabInLine = snapshot.firstTabInLine;
  state2.events.length = snapshot.eventsLength;
}
function throwError(state2, message) {
  YAMLException.throwAt(state2.input.slice(0, state2.length), state2.position, message, state2.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace2(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace2(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state2) {
  if (state2.input.charCodeAt(state2.position) === 10) state2.position++;
  else {
    state2.position++;
    if (state2.input.charCodeAt(state2.position) === 10) state2.position++;
  }
  state2.line++;
  state2.lineStart = state2.position;
  state2.lineIndent = 0;
  state2.firstTabInLine = -1;
}
function skipSeparationSpace(state2, allowComments) {
  let lineBreaks = 0;
  let ch = state2.input.charCodeAt(state2.position);
  let hasSeparation = state2.position === state2.lineStart || isWsOrEol(state2.input.charCodeAt(state2.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace2(ch)) {
      hasSeparation = true;
      if (ch === 9 && state2.firstTabInLine === -1) state2.firstTabInLine = state2.position;
      ch = state2.input.charCodeAt(++state2.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state2.input.charCodeAt(++state2.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state2);
    lineBreaks++;
    hasSeparation = true;
    ch = state2.input.charCodeAt(state2.position);
    while (ch === 32) {
      state2.lineIndent++;
      ch = state2.input.charCodeAt(++state2.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state2, position = state2.position) {
  const ch = state2.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state2.input.charCodeAt(position + 1) && ch === state2.input.charCodeAt(position + 2)) {
    const following = state2.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state2) {
  if (state2.position === state2.lineStart && state2.input.charCodeAt(state2.position) === 65279) {
    state2.position++;
    state2.lineStart = state2.position;
  }
}
function testDocumentBoundary(state2) {
  if (state2.position !== state2.lineStart) return false;
  if (testDocumentSeparator(state2)) return true;
  if (state2.input.charCodeAt(state2.position) !== 65279) return false;
  const snapshot = snapshotState(state2);
  skipByteOrderMark(state2);
  skipSeparationSpace(state2, true);
  const ch = state2.input.charCodeAt(state2.position);
  const result = state2.position === state2.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state2));
  restoreState(state2, snapshot);
  return result;
}
function skipUntilLineEnd(state2) {
  let ch = state2.input.charCodeAt(state2.position);
  while (ch !== 0 && !isEol(ch)) ch = state2.input.charCodeAt(++state2.position);
}
function checkPrintable(state2, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state2.input.slice(start, end));
  if (match !== null) {
    state2.position = start + match.index + match[0].length - 1;
    throwError(state2, "the stream contains non-printable characters");
  }
}
function readTagProperty(state2, props, inFlow) {
  if (state2.input.charCodeAt(state2.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state2, "duplication of a tag property");
  const start = state2.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state2.input.charCodeAt(++state2.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state2.input.charCodeAt(++state2.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state2.input.charCodeAt(++state2.position);
  }
  let suffixStart = state2.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state2.input.charCodeAt(++state2.position);
    if (ch !== 62) throwError(state2, "unexpected end of the stream within a verbatim tag");
    tagName = state2.input.slice(suffixStart, state2.position);
    state2.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state2.input.slice(suffixStart - 1, state2.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state2, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state2.position + 1;
        } else throwError(state2, "tag suffix cannot contain exclamation marks");
      }
      ch = state2.input.charCodeAt(++state2.position);
    }
    tagName = state2.input.slice(suffixStart, state2.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state2, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state2, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state2.tagHandlers, tagHandle)) throwError(state2, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state2.position;
  return true;
}
function readAnchorProperty(state2, props) {
  if (state2.input.charCodeAt(state2.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state2, "duplication of an anchor property");
  state2.position++;
  const start = state2.position;
  while (state2.input.charCodeAt(state2.position) !== 0 && !isWsOrEol(state2.input.charCodeAt(state2.position)) && !isFlowIndicator(state2.input.charCodeAt(state2.position))) state2.position++;
  if (state2.position === start) throwError(state2, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state2.position;
  return true;
}
function readAlias(state2, props) {
  if (state2.input.charCodeAt(state2.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state2, "alias node should not have any properties");
  state2.position++;
  const start = state2.position;
  while (state2.input.charCodeAt(state2.position) !== 0 && !isWsOrEol(state2.input.charCodeAt(state2.position)) && !isFlowIndicator(state2.input.charCodeAt(state2.position))) state2.position++;
  if (state2.position === start) throwError(state2, "name of an alias node must contain at least one character");
  addAliasEvent(state2, start, state2.position);
  return true;
}
function readFlowScalarBreak(state2, nodeIndent) {
  skipSeparationSpace(state2, false);
  if (state2.lineIndent < nodeIndent) throwError(state2, "deficient indentation");
}
function readSingleQuotedScalar(state2, nodeIndent, props) {
  if (state2.input.charCodeAt(state2.position) !== 39) return false;
  state2.position++;
  const start = state2.position;
  let simple = true;
  while (state2.input.charCodeAt(state2.position) !== 0) {
    const ch = state2.input.charCodeAt(state2.position);
    if (ch === 39) {
      if (state2.input.charCodeAt(state2.position + 1) === 39) {
        simple = false;
        state2.position += 2;
        continue;
      }
      const end = state2.position;
      state2.position++;
      addScalarEvent(state2, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state2, nodeIndent);
    } else if (state2.position === state2.lineStart && testDocumentSeparator(state2)) throwError(state2, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state2, "expected valid JSON character");
    else state2.position++;
  }
  throwError(state2, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state2, nodeIndent, props) {
  if (state2.input.charCodeAt(state2.position) !== 34) return false;
  state2.position++;
  const start = state2.position;
  let simple = true;
  while (state2.input.charCodeAt(state2.position) !== 0) {
    const ch = state2.input.charCodeAt(state2.position);
    if (ch === 34) {
      const end = state2.position;
      state2.position++;
      addScalarEvent(state2, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state2.input.charCodeAt(++state2.position);
      if (isEol(escaped)) readFlowScalarBreak(state2, nodeIndent);
      else if (isSimpleEscape(escaped)) state2.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state2, "unknown escape sequence");
        while (hexLength-- > 0) {
          state2.position++;
          if (fromHexCode(state2.input.charCodeAt(state2.position)) < 0) throwError(state2, "expected hexadecimal character");
        }
        state2.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state2, nodeIndent);
    } else if (state2.position === state2.lineStart && testDocumentSeparator(state2)) throwError(state2, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state2, "expected valid JSON character");
    else state2.position++;
  }
  throwError(state2, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state2, parentIndent, props) {
  const ch = state2.input.charCodeAt(state2.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state2.position++;
  while (state2.input.charCodeAt(state2.position) !== 0) {
    const current = state2.input.charCodeAt(state2.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state2, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state2.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state2, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state2, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state2.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace2(state2.input.charCodeAt(state2.position))) {
    hadWhitespace = true;
    state2.position++;
  }
  if (hadWhitespace && state2.input.charCodeAt(state2.position) === 35) skipUntilLineEnd(state2);
  if (isEol(state2.input.charCodeAt(state2.position))) consumeLineBreak(state2);
  else if (state2.input.charCodeAt(state2.position) !== 0) throwError(state2, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state2.position;
  let valueEnd = state2.position;
  while (state2.input.charCodeAt(state2.position) !== 0) {
    const linePosition = state2.position;
    let column = 0;
    while (state2.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state2.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state2)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state2.position = linePosition + column;
        throwError(state2, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state2.position = linePosition + column;
        throwError(state2, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state2.lineIndent = column;
      state2.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state2.lineIndent = column;
      state2.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state2);
    valueEnd = state2.position;
    if (isEol(state2.input.charCodeAt(state2.position))) {
      consumeLineBreak(state2);
      valueEnd = state2.position;
    }
  }
  checkPrintable(state2, valueStart, valueEnd);
  addScalarEvent(state2, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state2, nodeContext) {
  const ch = state2.input.charCodeAt(state2.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state2.input.charCodeAt(state2.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state2, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state2, nodeContext)) return false;
  const start = state2.position;
  let end = state2.position;
  let ch = state2.input.charCodeAt(state2.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state2)) break;
    if (ch === 58) {
      const following = state2.input.charCodeAt(state2.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state2.input.charCodeAt(state2.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state2.position;
      const savedLine = state2.line;
      const savedLineStart = state2.lineStart;
      const savedLineIndent = state2.lineIndent;
      skipSeparationSpace(state2, false);
      if (state2.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state2.input.charCodeAt(state2.position);
        continue;
      }
      state2.position = savedPosition;
      state2.line = savedLine;
      state2.lineStart = savedLineStart;
      state2.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace2(ch)) end = state2.position + 1;
    ch = state2.input.charCodeAt(++state2.position);
  }
  if (end === start) return false;
  checkPrintable(state2, start, end);
  addScalarEvent(state2, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state2, nodeIndent) {
  const startLine = state2.line;
  skipSeparationSpace(state2, true);
  if (state2.line > startLine && state2.lineIndent < nodeIndent || state2.firstTabInLine !== -1 && state2.lineIndent < nodeIndent) throwError(state2, "deficient indentation");
}
function readFlowCollection(state2, nodeIndent, props) {
  const ch = state2.input.charCodeAt(state2.position);
  const isMapping = ch === 123;
  const start = state2.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state2, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state2, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state2.position++;
  while (state2.input.charCodeAt(state2.position) !== 0) {
    skipFlowSeparationSpace(state2, nodeIndent);
    let ch2 = state2.input.charCodeAt(state2.position);
    if (ch2 === terminator) {
      state2.position++;
      addPopEvent(state2);
      return true;
    } else if (!readNext) throwError(state2, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state2, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state2.input.charCodeAt(state2.position + 1))) {
      isPair = isExplicitPair = true;
      state2.position += 1;
      skipFlowSeparationSpace(state2, nodeIndent);
    }
    const entryLine = state2.line;
    const entryStart = snapshotState(state2);
    const keyWasRead = parseNode(state2, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state2, nodeIndent);
    ch2 = state2.input.charCodeAt(state2.position);
    if ((isMapping || isExplicitPair || state2.line === entryLine) && ch2 === 58) {
      isPair = true;
      state2.position++;
      skipFlowSeparationSpace(state2, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state2, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state2);
      } else if (!keyWasRead) addEmptyScalarEvent(state2);
      if (!parseNode(state2, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state2);
      skipFlowSeparationSpace(state2, nodeIndent);
      if (!isMapping) addPopEvent(state2);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state2);
      addEmptyScalarEvent(state2);
    } else if (isMapping) addEmptyScalarEvent(state2);
    else if (isPair) {
      insertFlowPairMappingEvent(state2, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state2);
      addEmptyScalarEvent(state2);
      addPopEvent(state2);
    }
    ch2 = state2.input.charCodeAt(state2.position);
    if (ch2 === 44) {
      readNext = true;
      state2.position++;
    } else readNext = false;
  }
  throwError(state2, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state2, nodeIndent, props) {
  if (state2.firstTabInLine !== -1 || state2.input.charCodeAt(state2.position) !== 45 || !isWsOrEolOrEnd(state2.input.charCodeAt(state2.position + 1))) return false;
  addSequenceEvent(state2, state2.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state2.input.charCodeAt(state2.position) === 45 && isWsOrEolOrEnd(state2.input.charCodeAt(state2.position + 1))) {
    if (state2.firstTabInLine !== -1) {
      state2.position = state2.firstTabInLine;
      throwError(state2, "tab characters must not be used in indentation");
    }
    const entryLine = state2.line;
    state2.position++;
    const hadBreak = skipSeparationSpace(state2, true) > 0;
    if (state2.firstTabInLine !== -1 && state2.input.charCodeAt(state2.position) === 45 && isWsOrEolOrEnd(state2.input.charCodeAt(state2.position + 1))) throwError(state2, "bad indentation of a sequence entry");
    if (hadBreak && state2.lineIndent <= nodeIndent) addEmptyScalarEvent(state2);
    else parseNode(state2, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state2, true);
    if (state2.lineIndent < nodeIndent || state2.position >= state2.length) break;
    if (state2.lineIndent > nodeIndent) throwError(state2, "bad indentation of a sequence entry");
    if (state2.line === entryLine && state2.input.charCodeAt(state2.position) === 45 && isWsOrEolOrEnd(state2.input.charCodeAt(state2.position + 1))) throwError(state2, "bad indentation of a sequence entry");
  }
  addPopEvent(state2);
  return true;
}
function readBlockMapping(state2, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state2.firstTabInLine !== -1) return false;
  let ch = state2.input.charCodeAt(state2.position);
  while (ch !== 0) {
    if (!atExplicitKey && state2.firstTabInLine !== -1) {
      state2.position = state2.firstTabInLine;
      throwError(state2, "tab characters must not be used in indentation");
    }
    const following = state2.input.charCodeAt(state2.position + 1);
    const entryLine = state2.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state2, state2.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state2);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state2);
        detected = true;
        atExplicitKey = false;
      }
      state2.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state2);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state2);
      if (!parseNode(state2, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state2.line === entryLine) {
        ch = state2.input.charCodeAt(state2.position);
        while (isWhiteSpace2(ch)) ch = state2.input.charCodeAt(++state2.position);
        if (ch === 58) {
          ch = state2.input.charCodeAt(++state2.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state2, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state2.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state2, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state2, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state2, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state2, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state2, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state2);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state2, true);
    ch = state2.input.charCodeAt(state2.position);
    if ((state2.line === entryLine || state2.lineIndent > nodeIndent) && ch !== 0) throwError(state2, "bad indentation of a mapping entry");
    else if (state2.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state2);
  if (mappingOpened) addPopEvent(state2);
  return true;
}
function parseNode(state2, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state2.depth >= state2.maxDepth) throwError(state2, `nesting exceeded maxDepth (${state2.maxDepth})`);
  state2.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state2, true)) {
    atNewLine = true;
    if (state2.lineIndent > parentIndent) indentStatus = 1;
    else if (state2.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state2.input.charCodeAt(state2.position);
    const propertyState = snapshotState(state2);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state2);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state2, state2.position - state2.lineStart, flowIndent, props) && state2.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state2.depth--;
        return true;
      }
      restoreState(state2, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state2, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state2, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state2, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state2.lineIndent > parentIndent) indentStatus = 1;
      else if (state2.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state2.position - state2.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state2, blockIndent, props) || readBlockMapping(state2, blockIndent, flowIndent, props)) || readFlowCollection(state2, flowIndent, props)) hasContent = true;
      else {
        const ch = state2.input.charCodeAt(state2.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state2);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state2, propertyStart);
          if (readBlockMapping(state2, propertyIndent, flowIndent, emptyProperties()) && state2.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state2, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state2, flowIndent, props) || readSingleQuotedScalar(state2, flowIndent, props) || readDoubleQuotedScalar(state2, flowIndent, props) || readAlias(state2, props) || readPlainScalar(state2, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state2, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state2, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state2.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state2) {
  if (state2.lineIndent > 0 || state2.input.charCodeAt(state2.position) !== 37) return false;
  state2.position++;
  const nameStart = state2.position;
  while (state2.input.charCodeAt(state2.position) !== 0 && !isWsOrEol(state2.input.charCodeAt(state2.position))) state2.position++;
  const name = state2.input.slice(nameStart, state2.position);
  const args = [];
  if (name.length === 0) throwError(state2, "directive name must not be less than one character in length");
  while (state2.input.charCodeAt(state2.position) !== 0 && !isEol(state2.input.charCodeAt(state2.position))) {
    while (isWhiteSpace2(state2.input.charCodeAt(state2.position))) state2.position++;
    if (state2.input.charCodeAt(state2.position) === 35 || isEol(state2.input.charCodeAt(state2.position)) || state2.input.charCodeAt(state2.position) === 0) break;
    const start = state2.position;
    while (state2.input.charCodeAt(state2.position) !== 0 && !isWsOrEol(state2.input.charCodeAt(state2.position))) state2.position++;
    args.push(state2.input.slice(start, state2.position));
  }
  if (isEol(state2.input.charCodeAt(state2.position))) consumeLineBreak(state2);
  if (name === "YAML") {
    if (state2.directives.some((directive) => directive.kind === "yaml")) throwError(state2, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state2, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state2, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state2, "unacceptable YAML version of the document");
    state2.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state2, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state2, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state2.tagHandlers, handle)) throwError(state2, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state2, "ill-formed tag prefix (second argument) of the TAG directive");
    state2.tagHandlers[handle] = prefix;
    state2.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state2) {
  state2.directives = [];
  state2.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state2, true);
  while (readDirective(state2)) {
    hasDirectives = true;
    skipSeparationSpace(state2, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state2.lineIndent === 0 && state2.input.charCodeAt(state2.position) === 45 && state2.input.charCodeAt(state2.position + 1) === 45 && state2.input.charCodeAt(state2.position + 2) === 45 && isWsOrEolOrEnd(state2.input.charCodeAt(state2.position + 3))) {
    explicitStart = true;
    const markerLine = state2.line;
    state2.position += 3;
    skipSeparationSpace(state2, true);
    allowCompact = state2.line > markerLine;
  } else if (hasDirectives) throwError(state2, "directives end mark is expected");
  const documentEventIndex = state2.events.length;
  if (!explicitStart && state2.position === state2.lineStart && state2.input.charCodeAt(state2.position) === 46 && testDocumentSeparator(state2)) {
    state2.position += 3;
    skipSeparationSpace(state2, true);
    return;
  }
  addDocumentEvent(state2, explicitStart, false);
  if (!parseNode(state2, state2.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state2);
  skipSeparationSpace(state2, true);
  if (state2.position === state2.lineStart && testDocumentSeparator(state2)) {
    explicitEnd = state2.input.charCodeAt(state2.position) === 46;
    if (explicitEnd) {
      const markerLine = state2.line;
      state2.position += 3;
      skipSeparationSpace(state2, true);
      if (state2.line === markerLine && state2.position < state2.length) throwError(state2, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state2.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state2);
  if (!explicitEnd && state2.position < state2.length && !testDocumentBoundary(state2)) throwError(state2, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state2 = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state2.filename);
  while (state2.position < state2.length) {
    skipByteOrderMark(state2);
    skipSeparationSpace(state2, true);
    if (state2.position >= state2.length) break;
    const documentStart = state2.position;
    readDocument(state2);
    if (state2.position === documentStart)
      throwError(state2, "can not read a document");
  }
  return state2.events;
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var NOT_RESOLVED, strTag, NULL_VALUES$1, nullCoreTag, nullJsonTag, NULL_VALUES, nullYaml11Tag, TRUE_VALUES$2, FALSE_VALUES$2, boolCoreTag, TRUE_VALUES$1, FALSE_VALUES$1, boolJsonTag, TRUE_VALUES, FALSE_VALUES, boolYaml11Tag, YAML_INTEGER_IMPLICIT_PATTERN$1, YAML_INTEGER_EXPLICIT_PATTERN$1, intCoreTag, YAML_INTEGER_IMPLICIT_PATTERN, YAML_INTEGER_EXPLICIT_PATTERN, intJsonTag, YAML_INTEGER_PATTERN, intYaml11Tag, YAML_FLOAT_PATTERN$1, YAML_FLOAT_SPECIAL_PATTERN$1, floatCoreTag, YAML_FLOAT_IMPLICIT_PATTERN, YAML_FLOAT_EXPLICIT_PATTERN, floatJsonTag, YAML_FLOAT_PATTERN, YAML_FLOAT_SPECIAL_PATTERN, floatYaml11Tag, mergeTag, BASE64_PATTERN, binaryTag, YAML_DATE_REGEXP, YAML_TIMESTAMP_REGEXP, timestampTag, seqTag, omapTag, pairsTag, mapTag, setTag, Schema, FAILSAFE_SCHEMA, JSON_SCHEMA, CORE_SCHEMA, YAML11_SCHEMA, DUMP_SCHEMA, realMapTag, legacyMapTag, DEFAULT_SNIPPET_OPTIONS, YAMLException, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, CHOMPING_MODE, NO_RANGE$3, simpleEscapeCheck, simpleEscapeMap, DEFAULT_TAG_HANDLERS, TAG_SUFFIX_CHARS, TAG_URI_CHARS, DEFAULT_CONSTRUCTOR_OPTIONS, NO_RANGE$1, HAS_OWN, CONTEXT_FLOW_IN, CONTEXT_FLOW_OUT, CONTEXT_BLOCK_IN, CONTEXT_BLOCK_OUT, PATTERN_NON_PRINTABLE, PATTERN_FLOW_INDICATORS, PATTERN_TAG_HANDLE, NS_URI_CHAR, NS_TAG_CHAR, PATTERN_TAG_URI, PATTERN_TAG_SUFFIX, PATTERN_TAG_PREFIX, DEFAULT_PARSER_OPTIONS, DEFAULT_LOAD_OPTIONS, DEFAULT_SCALAR_STYLE_RULES, SRC_C_PRINTABLE, SRC_B_CHAR, SRC_C_BYTE_ORDER_MARK, SRC_S_WHITE, SRC_NB_CHAR, SRC_NS_CHAR, SRC_NB_JSON, SRC_C_INDICATOR, SRC_C_FLOW_INDICATOR, SRC_NS_PLAIN_SAFE_FLOW_OUT, SRC_NS_PLAIN_SAFE_FLOW_IN, SRC_NS_PLAIN_FIRST_FLOW_OUT, SRC_NS_PLAIN_FIRST_FLOW_IN, SRC_NS_PLAIN_CHAR_FLOW_OUT, SRC_NS_PLAIN_CHAR_FLOW_IN, SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT, SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN, SRC_NS_PLAIN_ONE_LINE_FLOW_OUT, SRC_NS_PLAIN_ONE_LINE_FLOW_IN, SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY, SRC_NS_PLAIN_ONE_LINE_FLOW_KEY, SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT, SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN, SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT, SRC_NS_PLAIN_MULTI_LINE_FLOW_IN, NS_PLAIN_FLOW_OUT, NS_PLAIN_FLOW_IN, NS_PLAIN_BLOCK_KEY, NS_PLAIN_FLOW_KEY, NB_SINGLE_ONE_LINE, NB_SINGLE_MULTI_LINE, BLOCK_SCALAR_CONTENT, DEFAULT_PRESENTER_OPTIONS, DEFAULT_DUMP_OPTIONS, EVENT_DOCUMENT, EVENT_SEQUENCE, EVENT_MAPPING, EVENT_SCALAR, EVENT_ALIAS, EVENT_POP, SCALAR_STYLE_PLAIN, SCALAR_STYLE_SINGLE_QUOTED, SCALAR_STYLE_DOUBLE_QUOTED, SCALAR_STYLE_LITERAL_BLOCK, SCALAR_STYLE_FOLDED_BLOCK, COLLECTION_STYLE_BLOCK, COLLECTION_STYLE_FLOW, CHOMPING_CLIP, CHOMPING_STRIP, CHOMPING_KEEP;
var init_js_yaml = __esm({
  "node_modules/js-yaml/dist/js-yaml.mjs"() {
    NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
    strTag = defineScalarTag("tag:yaml.org,2002:str", {
      resolve: (source) => source,
      identify: (data) => typeof data === "string"
    });
    NULL_VALUES$1 = [
      "",
      "~",
      "null",
      "Null",
      "NULL"
    ];
    nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
      implicit: true,
      implicitFirstChars: [
        "",
        "~",
        "n",
        "N"
      ],
      resolve: (source) => {
        if (NULL_VALUES$1.indexOf(source) !== -1) return null;
        return NOT_RESOLVED;
      },
      identify: (object) => object === null,
      represent: () => "null"
    });
    nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
      implicit: true,
      implicitFirstChars: ["n"],
      resolve: (source, isExplicit) => {
        if (source === "null" || isExplicit && source === "") return null;
        return NOT_RESOLVED;
      },
      identify: (object) => object === null,
      represent: () => "null"
    });
    NULL_VALUES = [
      "",
      "~",
      "null",
      "Null",
      "NULL"
    ];
    nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
      implicit: true,
      implicitFirstChars: [
        "",
        "~",
        "n",
        "N"
      ],
      resolve: (source) => {
        if (NULL_VALUES.indexOf(source) !== -1) return null;
        return NOT_RESOLVED;
      },
      identify: (object) => object === null,
      represent: () => "null"
    });
    TRUE_VALUES$2 = [
      "true",
      "True",
      "TRUE"
    ];
    FALSE_VALUES$2 = [
      "false",
      "False",
      "FALSE"
    ];
    boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
      implicit: true,
      implicitFirstChars: [
        "t",
        "T",
        "f",
        "F"
      ],
      resolve: (source) => {
        if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
        if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
        return NOT_RESOLVED;
      },
      identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
      represent: (object) => object ? "true" : "false"
    });
    TRUE_VALUES$1 = ["true"];
    FALSE_VALUES$1 = ["false"];
    boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
      implicit: true,
      implicitFirstChars: ["t", "f"],
      resolve: (source) => {
        if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
        if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
        return NOT_RESOLVED;
      },
      identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
      represent: (object) => object ? "true" : "false"
    });
    TRUE_VALUES = [
      "true",
      "True",
      "TRUE",
      "y",
      "Y",
      "yes",
      "Yes",
      "YES",
      "on",
      "On",
      "ON"
    ];
    FALSE_VALUES = [
      "false",
      "False",
      "FALSE",
      "n",
      "N",
      "no",
      "No",
      "NO",
      "off",
      "Off",
      "OFF"
    ];
    boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
      implicit: true,
      implicitFirstChars: [
        "y",
        "Y",
        "n",
        "N",
        "t",
        "T",
        "f",
        "F",
        "o",
        "O"
      ],
      resolve: (source) => {
        if (TRUE_VALUES.indexOf(source) !== -1) return true;
        if (FALSE_VALUES.indexOf(source) !== -1) return false;
        return NOT_RESOLVED;
      },
      identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
      represent: (object) => object ? "true" : "false"
    });
    YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
    YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
    intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
      implicit: true,
      implicitFirstChars: [
        "-",
        "+",
        ..."0123456789"
      ],
      resolve: resolveYamlInteger$2,
      identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
      represent: (object) => object.toString(10)
    });
    YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
    YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
    intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
      implicit: true,
      implicitFirstChars: ["-", ..."0123456789"],
      resolve: resolveYamlInteger$1,
      identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
      represent: (object) => object.toString(10)
    });
    YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
    intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
      implicit: true,
      implicitFirstChars: [
        "-",
        "+",
        ..."0123456789"
      ],
      resolve: resolveYamlInteger,
      identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
      represent: (object) => object.toString(10)
    });
    YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
      implicit: true,
      implicitFirstChars: [
        "-",
        "+",
        ".",
        ..."0123456789"
      ],
      resolve: resolveYamlFloat$2,
      identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
      represent: representYamlFloat$2
    });
    YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
    YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
      implicit: true,
      implicitFirstChars: ["-", ..."0123456789"],
      resolve: resolveYamlFloat$1,
      identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
      represent: representYamlFloat$1
    });
    YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
      implicit: true,
      implicitFirstChars: [
        "-",
        "+",
        ".",
        ..."0123456789"
      ],
      resolve: resolveYamlFloat,
      identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
      represent: representYamlFloat
    });
    mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
      implicit: true,
      implicitFirstChars: ["<"],
      resolve: (source, isExplicit) => {
        if (source === "<<" || isExplicit && source === "") return "<<";
        return NOT_RESOLVED;
      },
      identify: () => false
    });
    BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
    binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
      resolve: resolveYamlBinary,
      identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
      represent: representYamlBinary
    });
    YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
    YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
    timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
      implicit: true,
      implicitFirstChars: [..."0123456789"],
      resolve: resolveYamlTimestamp,
      identify: (object) => object instanceof Date,
      represent: (object) => object.toISOString()
    });
    seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
      create: () => [],
      addItem: (container, item) => {
        container.push(item);
      },
      identify: Array.isArray
    });
    omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
      create: () => ({
        list: [],
        seen: /* @__PURE__ */ new Set()
      }),
      addItem: (carrier, item) => {
        let key;
        if (item instanceof Map) {
          if (item.size !== 1) return "cannot resolve an ordered map item";
          key = item.keys().next().value;
        } else if (isPlainObject(item)) {
          const itemKeys = Object.keys(item);
          if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
          key = itemKeys[0];
        } else return "cannot resolve an ordered map item";
        if (carrier.seen.has(key)) return "duplicate key in ordered map";
        carrier.seen.add(key);
        carrier.list.push(item);
        return "";
      },
      finalize: (carrier) => carrier.list,
      identify: () => false
    });
    pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
      create: () => [],
      addItem: (container, item) => {
        if (item instanceof Map) {
          if (item.size !== 1) return "cannot resolve a pairs item";
          container.push(item.entries().next().value);
          return "";
        }
        if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
        const object = item;
        const keys = Object.keys(object);
        if (keys.length !== 1) return "cannot resolve a pairs item";
        container.push([keys[0], object[keys[0]]]);
        return "";
      },
      identify: () => false
    });
    mapTag = defineMappingTag("tag:yaml.org,2002:map", {
      create: () => ({}),
      identify: isPlainObject,
      represent: (o) => {
        const map = /* @__PURE__ */ new Map();
        for (const key of Object.keys(o)) map.set(key, o[key]);
        return map;
      },
      addPair: (container, key, value) => {
        if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
        const normalizedKey = String(key);
        if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
          value,
          enumerable: true,
          configurable: true,
          writable: true
        });
        else container[normalizedKey] = value;
        return "";
      },
      has: (container, key) => {
        if (key !== null && typeof key === "object") return false;
        return Object.prototype.hasOwnProperty.call(container, String(key));
      },
      keys: (container) => Object.keys(container),
      get: (container, key) => {
        const normalizedKey = String(key);
        if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
        return container[normalizedKey];
      }
    });
    setTag = defineMappingTag("tag:yaml.org,2002:set", {
      create: () => /* @__PURE__ */ new Set(),
      identify: (data) => data instanceof Set,
      represent: (data) => {
        const map = /* @__PURE__ */ new Map();
        for (const key of data) map.set(key, null);
        return map;
      },
      addPair: (container, key, value) => {
        if (value !== null) return "cannot resolve a set item";
        container.add(key);
        return "";
      },
      has: (container, key) => container.has(key),
      keys: (container) => container.keys(),
      get: () => null
    });
    Schema = class Schema2 {
      tags;
      /** @internal */
      implicitScalarTags;
      /**
      * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
      * the resolvers that may match that key, in schema order; a key absent from
      * the map uses
      * {@link Schema.implicitScalarAnyFirstChar}
      * (resolvers that declared no first-char constraint, so they apply to any
      * first character).
      */
      implicitScalarByFirstChar;
      implicitScalarAnyFirstChar;
      /**
      * The default scalar tag (`!!str`), resolved once so the composer's fallback
      * for unresolved plain scalars avoids a keyed lookup per scalar.
      *
      * @internal
      */
      defaultScalarTag;
      /**
      * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
      * value is identified by its default tag, the tag is implicit and not
      * printed. Undefined if the schema does not define them (then such values
      * can't be dumped).
      *
      * @internal
      */
      defaultSequenceTag;
      /** @internal */
      defaultMappingTag;
      exact;
      prefix;
      constructor(tags2) {
        const compiledTags = compileTags(tags2);
        const implicitScalarTags = [];
        const exact = createTagDefinitionMap();
        const prefix = createTagDefinitionListMap();
        for (const tag of compiledTags) {
          if (tag.nodeKind === "scalar" && tag.implicit) {
            if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
            implicitScalarTags.push(tag);
          }
          switch (tag.nodeKind) {
            case "scalar":
              if (tag.matchByTagPrefix) prefix.scalar.push(tag);
              else exact.scalar[tag.tagName] = tag;
              break;
            case "sequence":
              if (tag.matchByTagPrefix) prefix.sequence.push(tag);
              else exact.sequence[tag.tagName] = tag;
              break;
            case "mapping":
              if (tag.matchByTagPrefix) prefix.mapping.push(tag);
              else exact.mapping[tag.tagName] = tag;
          }
        }
        const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
        const keys = /* @__PURE__ */ new Set();
        for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
        const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
        for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
        const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
        if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
        this.tags = compiledTags;
        this.implicitScalarTags = implicitScalarTags;
        this.implicitScalarByFirstChar = implicitScalarByFirstChar;
        this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
        this.defaultScalarTag = defaultScalarTag;
        this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
        this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
        this.exact = exact;
        this.prefix = prefix;
      }
      /** @internal */
      lookupScalarTag(tagName) {
        const exactTag = this.exact.scalar[tagName];
        if (exactTag) return exactTag;
        for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
      }
      /** @internal */
      lookupSequenceTag(tagName) {
        const exactTag = this.exact.sequence[tagName];
        if (exactTag) return exactTag;
        for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
      }
      /** @internal */
      lookupMappingTag(tagName) {
        const exactTag = this.exact.mapping[tagName];
        if (exactTag) return exactTag;
        for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
      }
      /** @internal */
      resolveImplicitScalarTag(source) {
        const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
        for (const tag2 of candidates) {
          const value = tag2.resolve(source, false, tag2.tagName);
          if (value !== NOT_RESOLVED) return {
            value,
            tag: tag2
          };
        }
        const tag = this.defaultScalarTag;
        return {
          value: tag.resolve(source, false, tag.tagName),
          tag
        };
      }
      /**
      * Creates a new schema with the specified tags added. If a tag already
      * exists, it is replaced by the specified tag.
      *
      * @example
      *
      * ```javascript
      * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
      *
      * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
      * ```
      */
      withTags(...tags2) {
        let flatTags = [];
        for (const tag of tags2) flatTags = flatTags.concat(tag);
        return new Schema2([...this.tags, ...flatTags]);
      }
    };
    FAILSAFE_SCHEMA = new Schema([
      strTag,
      seqTag,
      mapTag
    ]);
    JSON_SCHEMA = new Schema([
      ...FAILSAFE_SCHEMA.tags,
      nullJsonTag,
      boolJsonTag,
      intJsonTag,
      floatJsonTag
    ]);
    CORE_SCHEMA = new Schema([
      ...FAILSAFE_SCHEMA.tags,
      nullCoreTag,
      boolCoreTag,
      intCoreTag,
      floatCoreTag
    ]);
    YAML11_SCHEMA = new Schema([
      ...FAILSAFE_SCHEMA.tags,
      nullYaml11Tag,
      boolYaml11Tag,
      intYaml11Tag,
      floatYaml11Tag,
      timestampTag,
      mergeTag,
      binaryTag,
      omapTag,
      pairsTag,
      setTag
    ]);
    DUMP_SCHEMA = YAML11_SCHEMA.withTags({
      ...intYaml11Tag,
      resolve: (source, isExplicit, tagName) => {
        const result = intYaml11Tag.resolve(source, isExplicit, tagName);
        return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
      }
    }, {
      ...floatYaml11Tag,
      resolve: (source, isExplicit, tagName) => {
        const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
        return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
      }
    });
    realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
      create: () => /* @__PURE__ */ new Map(),
      addPair: (container, key, value) => {
        container.set(key, value);
        return "";
      },
      has: (container, key) => container.has(key),
      keys: (container) => container.keys(),
      get: (container, key) => container.get(key),
      identify: (data) => data instanceof Map || isPlainObject(data),
      represent: (data) => {
        if (data instanceof Map) return data;
        const map = /* @__PURE__ */ new Map();
        const obj = data;
        for (const key of Object.keys(obj)) map.set(key, obj[key]);
        return map;
      }
    });
    legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
      create: () => ({}),
      identify: isPlainObject,
      represent: (o) => {
        const map = /* @__PURE__ */ new Map();
        for (const key of Object.keys(o)) map.set(key, o[key]);
        return map;
      },
      addPair: (container, key, value) => {
        const normalizedKey = normalizeKey(key);
        if (normalizedKey === null) return "nested arrays are not supported inside keys";
        if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
          value,
          enumerable: true,
          configurable: true,
          writable: true
        });
        else container[normalizedKey] = value;
        return "";
      },
      has: (container, key) => {
        const normalizedKey = normalizeKey(key);
        return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
      },
      keys: (container) => Object.keys(container),
      get: (container, key) => {
        const normalizedKey = String(key);
        if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
        return container[normalizedKey];
      }
    });
    DEFAULT_SNIPPET_OPTIONS = {
      maxLength: 79,
      indent: 1,
      linesBefore: 3,
      linesAfter: 2
    };
    YAMLException = class YAMLException2 extends Error {
      reason;
      mark;
      /**
      * Optional `mark` contains source snippet data. Usually, use
      * {@link YAMLException.throwAt} instead of passing it directly.
      */
      constructor(reason, mark) {
        super();
        this.name = "YAMLException";
        this.reason = reason;
        this.mark = mark;
        this.message = formatError(this, false);
        if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
      }
      /**
      * Returns the formatted error, omitting the source snippet in compact mode.
      */
      toString(compact) {
        return `${this.name}: ${formatError(this, compact)}`;
      }
      /**
      * Builds a YAMLException with a source snippet and throws it. `source` is
      * the raw input text; `position` is an offset into it.
      */
      static throwAt(source, position, message, filename = "") {
        let line = 0;
        let lineStart = 0;
        for (let index = 0; index < position; index++) {
          const ch = source.charCodeAt(index);
          if (ch === 10) {
            line++;
            lineStart = index + 1;
          } else if (ch === 13) {
            line++;
            if (source.charCodeAt(index + 1) === 10) index++;
            lineStart = index + 1;
          }
        }
        const mark = {
          name: filename,
          buffer: source,
          position,
          line,
          column: position - lineStart
        };
        mark.snippet = makeSnippet(mark);
        throw new YAMLException2(message, mark);
      }
    };
    EVENT_ID = {
      DOCUMENT: 1,
      SEQUENCE: 2,
      MAPPING: 3,
      SCALAR: 4,
      ALIAS: 5,
      POP: 6
    };
    SCALAR_STYLE = {
      PLAIN: 1,
      SINGLE_QUOTED: 2,
      DOUBLE_QUOTED: 3,
      LITERAL_BLOCK: 4,
      FOLDED_BLOCK: 5
    };
    COLLECTION_STYLE = {
      BLOCK: 1,
      FLOW: 2
    };
    CHOMPING_MODE = {
      CLIP: 1,
      STRIP: 2,
      KEEP: 3
    };
    NO_RANGE$3 = -1;
    simpleEscapeCheck = new Array(256);
    simpleEscapeMap = new Array(256);
    for (let i = 0; i < 256; i++) {
      simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
      simpleEscapeMap[i] = simpleEscapeSequence(i);
    }
    DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
      "!": "!",
      "!!": "tag:yaml.org,2002:"
    });
    TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
    TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
    DEFAULT_CONSTRUCTOR_OPTIONS = {
      filename: "",
      schema: CORE_SCHEMA,
      json: false,
      maxTotalMergeKeys: 1e4,
      maxAliases: -1
    };
    NO_RANGE$1 = -1;
    HAS_OWN = Object.prototype.hasOwnProperty;
    CONTEXT_FLOW_IN = 1;
    CONTEXT_FLOW_OUT = 2;
    CONTEXT_BLOCK_IN = 3;
    CONTEXT_BLOCK_OUT = 4;
    PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
    PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
    PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
    NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
    NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
    PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
    PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
    PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
    DEFAULT_PARSER_OPTIONS = {
      filename: "",
      maxDepth: 100
    };
    DEFAULT_LOAD_OPTIONS = {
      ...DEFAULT_PARSER_OPTIONS,
      ...DEFAULT_CONSTRUCTOR_OPTIONS
    };
    DEFAULT_SCALAR_STYLE_RULES = {
      applyQuoteFlowKeysOption,
      doubleQuoteForInvisibles,
      doubleQuoteWhitespaceOnly,
      applyForceQuotesOption,
      tryLongOrMultilineAsBlock,
      quoteInvalidPlain,
      fallbackToDoubleQuoted
    };
    SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
    SRC_B_CHAR = "[\\n\\r]";
    SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
    SRC_S_WHITE = "[ \\t]";
    SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
    SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
    SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
    SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
    SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
    SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
    SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
    SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
    SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
    SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
    SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
    SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
    SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
    SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
    SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
    SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
    SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
    SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
    SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
    SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
    SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
    NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
    NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
    NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
    NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
    NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
    NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
    BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
    DEFAULT_PRESENTER_OPTIONS = {
      indent: 2,
      seqNoIndent: false,
      seqInlineFirst: true,
      lineWidth: 80,
      flowBracketPadding: false,
      flowSkipCommaSpace: false,
      flowSkipColonSpace: false,
      quoteFlowKeys: false,
      quoteStyle: "single",
      forceQuotes: false,
      scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
      tagBeforeAnchor: false
    };
    DEFAULT_DUMP_OPTIONS = {
      ...DEFAULT_PRESENTER_OPTIONS,
      schema: DUMP_SCHEMA,
      skipInvalid: false,
      noRefs: false,
      flowLevel: -1,
      sortKeys: false,
      transform: () => {
      }
    };
    EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
    EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
    EVENT_MAPPING = EVENT_ID.MAPPING;
    EVENT_SCALAR = EVENT_ID.SCALAR;
    EVENT_ALIAS = EVENT_ID.ALIAS;
    EVENT_POP = EVENT_ID.POP;
    SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
    SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
    SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
    SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
    SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
    COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
    COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
    CHOMPING_CLIP = CHOMPING_MODE.CLIP;
    CHOMPING_STRIP = CHOMPING_MODE.STRIP;
    CHOMPING_KEEP = CHOMPING_MODE.KEEP;
  }
});

// src/parse/yaml.ts
function standardTag(name) {
  return { kind: STANDARD_KINDS.get(name) ?? T_OTHER, key: "" };
}
function localTag(name) {
  const key = INTRINSIC_KEYS.get(name);
  return key !== void 0 ? { kind: T_INTRINSIC, key } : { kind: T_UNKNOWN_LOCAL, key: "Fn::" + name };
}
function classifyTag(text) {
  if (text === "!") return { kind: T_NONSPECIFIC, key: "" };
  if (text.charCodeAt(1) === 60) {
    const inner = text.slice(2, text.endsWith(">") ? -1 : void 0);
    if (inner.startsWith("tag:yaml.org,2002:")) return standardTag(inner.slice(18));
    if (inner.startsWith("!")) return localTag(inner.slice(1));
    return { kind: T_OTHER, key: "" };
  }
  if (text.charCodeAt(1) === 33) return standardTag(text.slice(2));
  return localTag(text.slice(1));
}
function tagInfo(text) {
  let info = tagCache.get(text);
  if (info === void 0) {
    info = classifyTag(text);
    if (tagCache.size < 512) tagCache.set(text, info);
  }
  return info;
}
function sexagesimal(body, parse3) {
  let value = 0;
  for (const part of body.split(":")) value = value * 60 + parse3(part);
  return value;
}
function constructInt(text) {
  let s = text.replace(/_/g, "");
  let sign = 1;
  const c = s.charCodeAt(0);
  if (c === 45) sign = -1;
  if (c === 45 || c === 43) s = s.slice(1);
  let v;
  if (s === "0") return 0;
  if (s.startsWith("0b")) v = s.length > 2 && /^[01]+$/.test(s.slice(2)) ? parseInt(s.slice(2), 2) : NaN;
  else if (s.startsWith("0x")) v = s.length > 2 && /^[0-9a-fA-F]+$/.test(s.slice(2)) ? parseInt(s.slice(2), 16) : NaN;
  else if (s.charCodeAt(0) === 48) v = /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
  else if (s.includes(":")) v = /^[0-9:]+$/.test(s) ? sexagesimal(s, (p) => parseInt(p, 10)) : NaN;
  else v = /^[0-9]+$/.test(s) ? parseInt(s, 10) : NaN;
  return v === 0 ? 0 : sign * v;
}
function constructFloat(text) {
  let s = text.replace(/_/g, "").toLowerCase();
  let sign = 1;
  const c = s.charCodeAt(0);
  if (c === 45) sign = -1;
  if (c === 45 || c === 43) s = s.slice(1);
  if (s === ".inf") return sign * Infinity;
  if (s === ".nan") return NaN;
  if (s.includes(":")) return sign * sexagesimal(s, (p) => p === "" ? NaN : Number(p));
  return s === "" ? NaN : sign * Number(s);
}
function resolvePlainScalar(s) {
  const n = s.length;
  if (n === 0) return null;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57 || c === 43 || c === 45 || c === 46) {
    if (INT_RE.test(s)) {
      const v = constructInt(s);
      return Number.isNaN(v) ? s : v;
    }
    if (FLOAT_RE.test(s)) return constructFloat(s);
    return s;
  }
  if (n <= 5) {
    switch (c) {
      case 126:
      case 110:
      case 78:
      case 121:
      case 89:
      case 116:
      case 84:
      case 102:
      case 70:
      case 111:
      case 79: {
        const w = WORDS.get(s);
        if (w !== void 0) return w;
      }
    }
  }
  return s;
}
function setOwn(obj, key, value) {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
function pruneStaleLocations(root, locations) {
  for (const key of locations.keys()) {
    if (key === "") continue;
    let node = root;
    let ok = true;
    for (const seg of key.split("\0")) {
      if (Array.isArray(node)) {
        const i = Number(seg);
        if (!(Number.isInteger(i) && i >= 0 && i < node.length)) {
          ok = false;
          break;
        }
        node = node[i];
      } else if (node !== null && typeof node === "object" && hasOwn.call(node, seg)) {
        node = node[seg];
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) locations.delete(key);
  }
}
function stripBom(source) {
  return source.charCodeAt(0) === 65279 ? source.slice(1) : source;
}
function offsetMapper(inserts) {
  return (q) => {
    let lo = 0;
    let hi = inserts.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (inserts[mid].at <= q) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j < 0 || q < 0) return q;
    const ins = inserts[j];
    return q < ins.at + ins.len ? ins.at - ins.before : q - ins.before - ins.len;
  };
}
function isBreak(c) {
  return c === 10 || c === 13;
}
function lineStartOf(text, p) {
  while (p > 0 && !isBreak(text.charCodeAt(p - 1))) p--;
  return p;
}
function nextLine(text, p) {
  while (p < text.length && !isBreak(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) === 13) p++;
  if (text.charCodeAt(p) === 10) p++;
  return p;
}
function indentAt(text, lineStart) {
  let p = lineStart;
  while (text.charCodeAt(p) === 32) p++;
  return p - lineStart;
}
function isBlankLine(text, lineStart) {
  const p = lineStart + indentAt(text, lineStart);
  return p >= text.length || isBreak(text.charCodeAt(p));
}
function paddingFor(text, ls) {
  let s = ls;
  while (s > 0) {
    s = lineStartOf(text, s - 1);
    if (!isBlankLine(text, s)) return Math.max(1, indentAt(text, s) + 1 - indentAt(text, ls));
  }
  return 1;
}
function padLines(state2, ls, count2, len) {
  const { text } = state2;
  const at = [];
  let p = ls;
  while (at.length < count2 && p < text.length) {
    if (!isBlankLine(text, p)) at.push(p);
    p = nextLine(text, p);
  }
  while (p < text.length && isBlankLine(text, p)) p = nextLine(text, p);
  const pad = " ".repeat(len);
  let out = "";
  let from = 0;
  for (const q of at) {
    out += text.slice(from, q) + pad;
    from = q;
  }
  out += text.slice(from);
  const shifted = state2.inserts.map((ins) => {
    let k = 0;
    while (k < at.length && at[k] <= ins.at) k++;
    return { at: ins.at + k * len, len: ins.len, before: 0 };
  });
  at.forEach((q, i) => shifted.push({ at: q + i * len, len, before: 0 }));
  shifted.sort((x, y) => x.at - y.at);
  let before = 0;
  for (const ins of shifted) {
    ins.before = before;
    before += ins.len;
  }
  return { text: out, inserts: shifted, next: p + at.length * len };
}
function parseEventsLenient(source) {
  let state2 = { text: source, inserts: [] };
  let saved = null;
  let lastLine = -1;
  let lastLen = 0;
  let expected = -1;
  let run = 1;
  let limit = 64;
  let retry = false;
  for (let parses = 1; ; parses++) {
    try {
      return { events: parseEvents(state2.text, { maxDepth: MAX_DEPTH }), ...state2 };
    } catch (err) {
      const deficient = err instanceof YAMLException && err.reason === "deficient indentation" && err.mark !== void 0;
      if (!deficient && saved !== null) {
        state2 = saved;
        saved = null;
        limit = Math.max(1, run >> 1);
        retry = true;
        continue;
      }
      if (!deficient || parses >= MAX_LENIENT_PARSES || parses * state2.text.length > MAX_LENIENT_CHARS) return { error: err, map: offsetMapper(state2.inserts) };
      const ls = lineStartOf(state2.text, Math.min(err.mark.position, state2.text.length));
      const first = state2.text.charCodeAt(ls + indentAt(state2.text, ls));
      if (isBlankLine(state2.text, ls) || first === 9 || ls === lastLine && !retry && lastLen >= 128) {
        return { error: err, map: offsetMapper(state2.inserts) };
      }
      let len;
      if (retry) {
        retry = false;
        len = lastLen;
        run = limit;
      } else if (ls === lastLine) {
        len = lastLen * 2;
        run = 1;
      } else {
        if (ls === expected) {
          len = Math.max(lastLen, paddingFor(state2.text, ls) - lastLen);
          run = Math.min(run * 2, limit);
        } else {
          len = paddingFor(state2.text, ls);
          run = 1;
          limit = 64;
        }
      }
      saved = run > 1 ? state2 : null;
      const next = padLines(state2, ls, run, len);
      state2 = { text: next.text, inserts: next.inserts };
      expected = next.next;
      lastLine = ls;
      lastLen = len;
    }
  }
}
function parseYaml(input) {
  const source = stripBom(input);
  const lineStarts = computeLineStarts(source);
  const parsed = parseEventsLenient(source);
  if ("error" in parsed) {
    const err = parsed.error;
    const position = err instanceof YAMLException && err.mark ? parsed.map(err.mark.position) : 0;
    let reason = err instanceof YAMLException ? err.reason : String(err?.message ?? err);
    if (reason === "deficient indentation" && source.slice(position).trim() === "") {
      reason = "unexpected end of input inside a quoted scalar or flow collection (is a closing quote or bracket missing?)";
    }
    const start = Math.max(0, Math.min(position, source.length));
    const end = Math.min(start + 1, source.length);
    const depth = reason.startsWith("nesting exceeded maxDepth");
    const diagnostic = depth ? { code: "DEPTH_LIMIT", message: `Nesting deeper than ${MAX_DEPTH} levels is not supported`, start, end, fatal: true } : { code: "YAML_SYNTAX", message: `YAML syntax error: ${reason}`, start, end, fatal: true };
    return { format: "yaml", value: void 0, source, lineStarts, locations: /* @__PURE__ */ new Map(), diagnostics: [diagnostic] };
  }
  const walker = new Walker(parsed.text, parsed.events);
  walker.run();
  if (walker.staleLocations) pruneStaleLocations(walker.root, walker.locations);
  if (parsed.inserts.length > 0) {
    const map = offsetMapper(parsed.inserts);
    for (const loc of walker.locations.values()) {
      loc.start = map(loc.start);
      loc.end = map(loc.end);
      loc.keyStart = map(loc.keyStart);
      loc.keyEnd = map(loc.keyEnd);
    }
    for (const d of walker.diagnostics) {
      d.start = map(d.start);
      d.end = map(d.end);
    }
  }
  return {
    format: "yaml",
    value: walker.root,
    source,
    lineStarts,
    locations: walker.locations,
    diagnostics: walker.diagnostics
  };
}
var MAX_DEPTH, ALIAS_NODE_BUDGET, EV_DOC, EV_SEQ, EV_MAP, EV_SCALAR, EV_ALIAS, EV_POP, PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK, STRIP, FLOW, T_NONSPECIFIC, T_INTRINSIC, T_UNKNOWN_LOCAL, T_STR, T_INT, T_FLOAT, T_BOOL, T_NULL, T_MAP, T_SEQ, T_OTHER, INTRINSIC_NAMES, INTRINSIC_KEYS, STANDARD_KINDS, tagCache, WORDS, INT_RE, FLOAT_RE, hasOwn, Frame, Walker, MAX_LENIENT_PARSES, MAX_LENIENT_CHARS;
var init_yaml = __esm({
  "src/parse/yaml.ts"() {
    "use strict";
    init_js_yaml();
    init_locate();
    MAX_DEPTH = 1e3;
    ALIAS_NODE_BUDGET = 1e4;
    ({ DOCUMENT: EV_DOC, SEQUENCE: EV_SEQ, MAPPING: EV_MAP, SCALAR: EV_SCALAR, ALIAS: EV_ALIAS, POP: EV_POP } = EVENT_ID);
    ({ PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK } = SCALAR_STYLE);
    ({ STRIP } = CHOMPING_MODE);
    FLOW = COLLECTION_STYLE.FLOW;
    T_NONSPECIFIC = 0;
    T_INTRINSIC = 1;
    T_UNKNOWN_LOCAL = 2;
    T_STR = 3;
    T_INT = 4;
    T_FLOAT = 5;
    T_BOOL = 6;
    T_NULL = 7;
    T_MAP = 8;
    T_SEQ = 9;
    T_OTHER = 10;
    INTRINSIC_NAMES = [
      "GetAtt",
      "Sub",
      "If",
      "Equals",
      "And",
      "Or",
      "Not",
      "FindInMap",
      "Join",
      "Select",
      "Split",
      "Base64",
      "Cidr",
      "GetAZs",
      "ImportValue",
      "Transform",
      "Length",
      "ToJsonString",
      // Rules functions
      "Contains",
      "EachMemberEquals",
      "EachMemberIn",
      "RefAll",
      "ValueOf",
      "ValueOfAll"
    ];
    INTRINSIC_KEYS = /* @__PURE__ */ new Map([["Ref", "Ref"], ["Condition", "Condition"]]);
    for (const n of INTRINSIC_NAMES) INTRINSIC_KEYS.set(n, "Fn::" + n);
    STANDARD_KINDS = /* @__PURE__ */ new Map([
      ["str", T_STR],
      ["int", T_INT],
      ["float", T_FLOAT],
      ["bool", T_BOOL],
      ["null", T_NULL],
      ["map", T_MAP],
      ["seq", T_SEQ]
    ]);
    tagCache = /* @__PURE__ */ new Map();
    WORDS = /* @__PURE__ */ new Map([
      ["~", null],
      ["null", null],
      ["Null", null],
      ["NULL", null],
      ["yes", true],
      ["Yes", true],
      ["YES", true],
      ["no", false],
      ["No", false],
      ["NO", false],
      ["true", true],
      ["True", true],
      ["TRUE", true],
      ["false", false],
      ["False", false],
      ["FALSE", false],
      ["on", true],
      ["On", true],
      ["ON", true],
      ["off", false],
      ["Off", false],
      ["OFF", false]
    ]);
    INT_RE = /^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
    FLOAT_RE = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
    hasOwn = Object.prototype.hasOwnProperty;
    Frame = class {
      constructor(isMap, container, prefix, loc, outer, closer, start, lastEnd, isKey, anchor, eventIndex, nodeCountAtOpen) {
        this.isMap = isMap;
        this.container = container;
        this.prefix = prefix;
        this.loc = loc;
        this.outer = outer;
        this.closer = closer;
        this.start = start;
        this.lastEnd = lastEnd;
        this.isKey = isKey;
        this.anchor = anchor;
        this.eventIndex = eventIndex;
        this.nodeCountAtOpen = nodeCountAtOpen;
      }
      isMap;
      container;
      prefix;
      loc;
      outer;
      closer;
      start;
      lastEnd;
      isKey;
      anchor;
      eventIndex;
      nodeCountAtOpen;
      index = 0;
      /** Pending mapping key (null: the next node is a key). */
      key = null;
      keyStart = -1;
      keyEnd = -1;
      /** Height of this subtree, for bounding the depth alias expansion can reach. */
      height = 1;
    };
    Walker = class {
      constructor(src, events) {
        this.src = src;
        this.events = events;
      }
      src;
      events;
      locations = /* @__PURE__ */ new Map();
      diagnostics = [];
      root = null;
      stack = [];
      sp = 0;
      anchors = /* @__PURE__ */ new Map();
      replays = [];
      discard = 0;
      nodeCount = 0;
      expanded = 0;
      budgetReported = false;
      staleLocations = false;
      run() {
        const events = this.events;
        let i = 0;
        let end = events.length;
        let docs = 0;
        for (; ; ) {
          if (i >= end) {
            const r = this.replays.pop();
            if (r === void 0) break;
            this.finishReplay(r);
            i = r.resumeAt;
            end = r.resumeEnd;
            continue;
          }
          const e = events[i++];
          switch (e.type) {
            case EV_SCALAR:
              this.scalar(e, i - 1);
              break;
            case EV_MAP:
            case EV_SEQ:
              this.open(e, i - 1);
              break;
            case EV_POP:
              if (this.sp > 0) this.pop(i);
              break;
            case EV_ALIAS: {
              const r = this.alias(e, i, end);
              if (r !== null) {
                this.replays.push(r);
                i = r.startIdx;
                end = r.endIdx;
              }
              break;
            }
            case EV_DOC:
              if (++docs > 1) {
                this.multipleDocuments(i);
                return;
              }
              break;
          }
        }
      }
      diag(code, message, start, end, fatal = false) {
        this.diagnostics.push({ code, message, start, end, fatal });
      }
      setLoc(key, loc) {
        if (this.discard === 0) this.locations.set(key, loc);
      }
      top() {
        return this.sp > 0 ? this.stack[this.sp - 1] : null;
      }
      /** Path key of the next child of `top` (a mapping value or sequence item). */
      childKey(top) {
        if (top === null) return "";
        return top.isMap ? top.prefix + top.key : top.prefix + top.index;
      }
      put(top, value, end, height) {
        if (top === null) {
          this.root = value;
          return;
        }
        if (top.isMap) {
          setOwn(top.container, top.key, value);
          top.key = null;
        } else {
          top.container.push(value);
          top.index++;
        }
        if (end > top.lastEnd) top.lastEnd = end;
        if (height >= top.height) top.height = height + 1;
      }
      setKey(top, key, ks, ke, plain) {
        const quiet = this.replays.length > 0;
        if (plain && key === "<<" && !quiet) {
          this.diag("MERGE_KEY", "YAML merge keys (<<) are not allowed in CloudFormation templates; kept as a plain key", ks, ke);
        }
        const obj = top.container;
        if (hasOwn.call(obj, key)) {
          if (!quiet) this.diag("DUPLICATE_KEY", `Duplicate mapping key "${key}"; CloudFormation rejects it (the last value wins here)`, ks, ke);
          const old = obj[key];
          if (old !== null && typeof old === "object") this.staleLocations = true;
        }
        top.key = key;
        top.keyStart = ks;
        top.keyEnd = ke;
        if (ke > top.lastEnd) top.lastEnd = ke;
      }
      tagDiag(message, start, end) {
        if (this.replays.length === 0) this.diag("UNKNOWN_TAG", message, start, end);
      }
      /** First `|`/`>` at or after `from` (skipping indicators, blanks and comments), else `fallback`. */
      blockIndicator(from, fallback) {
        const src = this.src;
        let p = from;
        while (p < fallback) {
          const c = src.charCodeAt(p);
          if (c === 124 || c === 62) return p;
          if (c === 35) {
            while (p < fallback && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
          } else p++;
        }
        return fallback;
      }
      /** Where an empty value sits: after its key, tag or anchor, or just after its `-`. */
      emptyPos(top, tagEnd, anchorEnd) {
        const after = Math.max(tagEnd, anchorEnd);
        if (after >= 0) return after;
        if (top === null) return 0;
        if (top.isMap) return top.keyEnd >= 0 ? top.keyEnd : top.lastEnd;
        const src = this.src;
        let p = top.lastEnd;
        while (p < src.length) {
          const c = src.charCodeAt(p);
          if (c === 45) return p + 1;
          if (c === 32 || c === 9 || c === 10 || c === 13) p++;
          else if (c === 35) {
            while (p < src.length && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
          } else break;
        }
        return top.lastEnd;
      }
      scalar(e, idx) {
        const src = this.src;
        const top = this.top();
        const vs = e.valueStart;
        const style = e.style;
        const inReplay = this.replays.length > 0;
        if (!inReplay) this.nodeCount++;
        let text = getScalarValue(src, e);
        if (style >= LITERAL_BLOCK && e.valueEnd === src.length && e.chomping !== STRIP && !isBreak(src.charCodeAt(src.length - 1)) && text.endsWith("\n")) {
          text = text.slice(0, -1);
        }
        let start;
        let end;
        if (vs < 0) start = end = -1;
        else if (style === SINGLE_QUOTED || style === DOUBLE_QUOTED) {
          start = vs - 1;
          end = e.valueEnd + 1;
        } else if (style >= LITERAL_BLOCK) {
          let from = top === null ? 0 : top.isMap && top.key !== null ? top.keyEnd : top.lastEnd;
          if (e.tagEnd > from) from = e.tagEnd;
          if (e.anchorEnd > from) from = e.anchorEnd;
          start = this.blockIndicator(from, vs);
          end = e.valueEnd;
        } else {
          start = vs;
          end = e.valueEnd;
        }
        if (e.anchorStart >= 0 && !inReplay) {
          this.anchors.set(src.slice(e.anchorStart, e.anchorEnd), { startIdx: idx, endIdx: idx + 1, nodes: 1, height: 0 });
        }
        if (top !== null && top.isMap && top.key === null) {
          if (start < 0) {
            const after = Math.max(e.tagEnd, e.anchorEnd);
            start = end = after >= 0 ? after : top.lastEnd;
          }
          this.setKey(top, text, start, end, style === PLAIN && e.tagStart < 0);
          return;
        }
        const childKey = this.childKey(top);
        const ks = top !== null && top.isMap ? top.keyStart : -1;
        const ke = top !== null && top.isMap ? top.keyEnd : -1;
        if (start < 0) start = end = this.emptyPos(top, e.tagEnd, e.anchorEnd);
        let value;
        if (e.tagStart < 0) {
          value = style === PLAIN ? resolvePlainScalar(text) : text;
          this.setLoc(childKey, { start, end, keyStart: ks, keyEnd: ke });
        } else {
          const tagText = src.slice(e.tagStart, e.tagEnd);
          const tag = tagInfo(tagText);
          const kind2 = tag.kind;
          if (kind2 === T_INTRINSIC || kind2 === T_UNKNOWN_LOCAL) {
            if (kind2 === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
            const fn = tag.key;
            this.setLoc(childKey, { start: e.tagStart, end, keyStart: ks, keyEnd: ke });
            const innerKey = top === null ? fn : childKey + "\0" + fn;
            this.setLoc(innerKey, { start, end, keyStart: e.tagStart, keyEnd: e.tagEnd });
            let inner = text;
            if (fn === "Fn::GetAtt") {
              const dot = text.indexOf(".");
              if (dot >= 0) {
                inner = [text.slice(0, dot), text.slice(dot + 1)];
                const direct = vs >= 0 && (e.fast || src.slice(vs, e.valueEnd) === text);
                const split = vs + dot;
                this.setLoc(innerKey + "\x000", direct ? { start: vs, end: split, keyStart: -1, keyEnd: -1 } : { start, end, keyStart: -1, keyEnd: -1 });
                this.setLoc(innerKey + "\x001", direct ? { start: split + 1, end: e.valueEnd, keyStart: -1, keyEnd: -1 } : { start, end, keyStart: -1, keyEnd: -1 });
              }
            }
            value = fn === "Ref" ? { Ref: inner } : fn === "Condition" ? { Condition: inner } : { [fn]: inner };
          } else {
            value = this.standardScalar(kind2, text, tagText, e.tagStart, e.tagEnd);
            this.setLoc(childKey, { start, end, keyStart: ks, keyEnd: ke });
          }
        }
        this.put(top, value, end, 0);
      }
      standardScalar(kind2, text, tagText, ts, te) {
        switch (kind2) {
          case T_NONSPECIFIC:
          case T_STR:
            return text;
          case T_NULL:
            return null;
          case T_BOOL: {
            const w = WORDS.get(text.toLowerCase());
            if (typeof w === "boolean") return w;
            break;
          }
          case T_INT: {
            const v = constructInt(text);
            if (!Number.isNaN(v)) return v;
            break;
          }
          case T_FLOAT: {
            const v = constructFloat(text);
            if (!Number.isNaN(v) || /^[-+]?\.nan$/i.test(text)) return v;
            break;
          }
          case T_MAP:
          case T_SEQ:
            this.tagDiag(`Tag ${tagText} does not apply to a scalar; the string is used`, ts, te);
            return text;
          default:
            this.tagDiag(`Unsupported tag ${tagText}; the string is used`, ts, te);
            return text;
        }
        if (this.replays.length === 0) this.diag("TAG_MISMATCH", `"${text}" is not a valid ${tagText} value; kept as a string`, ts, te);
        return text;
      }
      open(e, idx) {
        const src = this.src;
        const top = this.top();
        const isMap = e.type === EV_MAP;
        const start = e.start;
        const container = isMap ? {} : [];
        const bracket = e.style === FLOW && src.charCodeAt(start) === (isMap ? 123 : 91);
        const closer = bracket ? isMap ? 125 : 93 : 0;
        const lastEnd = bracket ? start + 1 : start;
        const inReplay = this.replays.length > 0;
        const anchor = e.anchorStart >= 0 && !inReplay ? src.slice(e.anchorStart, e.anchorEnd) : null;
        const nodeCountAtOpen = this.nodeCount;
        if (!inReplay) this.nodeCount++;
        if (top !== null && top.isMap && top.key === null) {
          this.discard++;
          this.push(new Frame(isMap, container, "", null, null, closer, start, lastEnd, true, anchor, idx, nodeCountAtOpen));
          return;
        }
        const childKey = this.childKey(top);
        const ks = top !== null && top.isMap ? top.keyStart : -1;
        const ke = top !== null && top.isMap ? top.keyEnd : -1;
        let value = container;
        let outer = null;
        let loc;
        let prefix;
        let tag = null;
        if (e.tagStart >= 0) {
          const tagText = src.slice(e.tagStart, e.tagEnd);
          tag = tagInfo(tagText);
          if (tag.kind === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
          else if (tag.kind === T_OTHER) this.tagDiag(`Unsupported tag ${tagText}; the plain ${isMap ? "mapping" : "sequence"} is used`, e.tagStart, e.tagEnd);
          else if (tag.kind !== T_INTRINSIC && tag.kind !== T_NONSPECIFIC && tag.kind !== (isMap ? T_MAP : T_SEQ)) {
            this.tagDiag(`Tag ${tagText} does not apply to a ${isMap ? "mapping" : "sequence"}; the plain ${isMap ? "mapping" : "sequence"} is used`, e.tagStart, e.tagEnd);
          }
        }
        if (tag !== null && (tag.kind === T_INTRINSIC || tag.kind === T_UNKNOWN_LOCAL)) {
          const fn = tag.key;
          outer = { start: e.tagStart, end: -1, keyStart: ks, keyEnd: ke };
          this.setLoc(childKey, outer);
          const innerKey = top === null ? fn : childKey + "\0" + fn;
          loc = { start, end: -1, keyStart: e.tagStart, keyEnd: e.tagEnd };
          this.setLoc(innerKey, loc);
          prefix = innerKey + "\0";
          value = fn === "Ref" ? { Ref: container } : fn === "Condition" ? { Condition: container } : { [fn]: container };
        } else {
          loc = { start, end: -1, keyStart: ks, keyEnd: ke };
          this.setLoc(childKey, loc);
          prefix = top === null ? "" : childKey + "\0";
        }
        this.put(top, value, -1, -1);
        this.push(new Frame(isMap, container, prefix, loc, outer, closer, start, lastEnd, false, anchor, idx, nodeCountAtOpen));
      }
      push(f) {
        this.stack[this.sp++] = f;
      }
      pop(nextIdx) {
        const f = this.stack[--this.sp];
        const end = f.closer !== 0 ? this.findCloser(f.lastEnd, f.closer) : f.lastEnd;
        if (f.loc !== null) f.loc.end = end;
        if (f.outer !== null) f.outer.end = end;
        const parent = this.top();
        if (f.isKey) {
          this.discard--;
          if (this.replays.length === 0) {
            this.diag("COMPLEX_KEY", "A collection used as a mapping key; its source text is used as the key", f.start, end);
          }
          this.setKey(parent, this.src.slice(f.start, end), f.start, end, false);
        } else if (parent !== null) {
          if (end > parent.lastEnd) parent.lastEnd = end;
          if (f.height >= parent.height) parent.height = f.height + 1;
        }
        if (f.anchor !== null) {
          this.anchors.set(f.anchor, { startIdx: f.eventIndex, endIdx: nextIdx, nodes: this.nodeCount - f.nodeCountAtOpen, height: f.height });
        }
      }
      /** End of a bracketed flow collection: its closing bracket, found after the last child. */
      findCloser(from, closer) {
        const src = this.src;
        let p = from;
        while (p < src.length) {
          const c = src.charCodeAt(p);
          if (c === closer) return p + 1;
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 58 || c === 63) p++;
          else if (c === 35) {
            while (p < src.length && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
          } else break;
        }
        return from;
      }
      /** Handles an alias; returns a replay record when its anchored events should be walked again here. */
      alias(e, resumeAt, resumeEnd) {
        const src = this.src;
        const top = this.top();
        const aStart = e.anchorStart - 1;
        const aEnd = e.anchorEnd;
        const name = src.slice(e.anchorStart, e.anchorEnd);
        const anchor = this.anchors.get(name);
        const inReplay = this.replays.length > 0;
        if (!inReplay) {
          this.nodeCount++;
          this.diag(
            "YAML_ALIAS",
            anchor === void 0 ? `Alias *${name} refers to no anchor; CloudFormation does not allow YAML aliases` : `YAML aliases (*${name}) are not allowed in CloudFormation templates; expanded here only for analysis`,
            aStart,
            aEnd
          );
        }
        if (top !== null && top.isMap && top.key === null) {
          const ev = anchor !== void 0 ? this.events[anchor.startIdx] : void 0;
          const key = ev !== void 0 && ev.type === EV_SCALAR ? getScalarValue(src, ev) : src.slice(aStart, aEnd);
          this.setKey(top, key, aStart, aEnd, false);
          return null;
        }
        const childKey = this.childKey(top);
        const ks = top !== null && top.isMap ? top.keyStart : -1;
        const ke = top !== null && top.isMap ? top.keyEnd : -1;
        if (anchor !== void 0 && this.discard === 0) {
          if (this.expanded + anchor.nodes <= ALIAS_NODE_BUDGET && this.sp + anchor.height <= MAX_DEPTH) {
            this.expanded += anchor.nodes;
            return { startIdx: anchor.startIdx, endIdx: anchor.endIdx, resumeAt, resumeEnd, childKey, aliasStart: aStart, aliasEnd: aEnd, parent: top };
          }
          if (!this.budgetReported) {
            this.budgetReported = true;
            this.diag(
              "ALIAS_BUDGET",
              `Alias *${name} not expanded: alias expansion is limited to ${ALIAS_NODE_BUDGET} nodes and ${MAX_DEPTH} levels per document, so this and any further over-budget aliases are null here`,
              aStart,
              aEnd
            );
          }
        }
        this.setLoc(childKey, { start: aStart, end: aEnd, keyStart: ks, keyEnd: ke });
        this.put(top, null, aEnd, 0);
        return null;
      }
      /** The expanded node keeps its inner locations (the anchored text) but itself points at the alias. */
      finishReplay(r) {
        const loc = this.discard === 0 ? this.locations.get(r.childKey) : void 0;
        if (loc !== void 0) {
          loc.start = r.aliasStart;
          loc.end = r.aliasEnd;
        }
        if (r.parent !== null && r.aliasEnd > r.parent.lastEnd) r.parent.lastEnd = r.aliasEnd;
      }
      multipleDocuments(from) {
        let docEnd = 0;
        const rootLoc = this.locations.get("");
        if (rootLoc !== void 0) docEnd = rootLoc.end;
        const marker = /^---/gm;
        marker.lastIndex = docEnd;
        const m = marker.exec(this.src);
        let start = m !== null ? m.index : -1;
        if (start < 0) {
          for (let j = from; j < this.events.length && start < 0; j++) {
            const ev = this.events[j];
            if (ev.type === EV_SCALAR) start = ev.tagStart >= 0 ? ev.tagStart : ev.valueStart;
            else if (ev.type === EV_MAP || ev.type === EV_SEQ) start = ev.start;
            else if (ev.type === EV_ALIAS) start = ev.anchorStart - 1;
          }
          if (start < 0) start = this.src.length;
        }
        this.diag(
          "MULTIPLE_DOCUMENTS",
          "The file holds more than one YAML document; CloudFormation reads one template per file, so only the first is used",
          start,
          m !== null ? start + 3 : start
        );
      }
    };
    MAX_LENIENT_PARSES = 100;
    MAX_LENIENT_CHARS = 32e6;
  }
});

// src/parse/json.ts
function findDeepBracket(src, max) {
  const n = src.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) i += 2;
        else if (d === 10 || d === 13) {
          i--;
          break;
        } else i++;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    } else if (c === 47) {
      const d = src.charCodeAt(i + 1);
      if (d === 47) {
        i += 2;
        while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
      } else if (d === 42) {
        const close = src.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 1;
      }
    }
  }
  return -1;
}
function describe(code) {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
function errorDiagnostics(src, errors) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const err of errors) {
    const code = printParseErrorCode(err.error);
    let start = err.offset;
    let end = err.offset + err.length;
    let diag;
    if (code === "InvalidCommentToken") {
      diag = { code: "JSON_COMMENT", message: "Comments are not allowed in JSON templates; CloudFormation rejects the file", start, end, fatal: false };
    } else {
      const c = src.charCodeAt(start);
      let p = -1;
      if ((c === 93 || c === 125) && (code === "ValueExpected" || code === "PropertyNameExpected")) {
        p = start - 1;
        while (p >= 0 && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9 || src.charCodeAt(p) === 10 || src.charCodeAt(p) === 13)) p--;
      }
      if (p >= 0 && src.charCodeAt(p) === 44) {
        start = p;
        end = p + 1;
        diag = { code: "JSON_TRAILING_COMMA", message: "Trailing commas are not allowed in JSON templates; remove this comma", start, end, fatal: false };
      } else {
        diag = { code: "JSON_SYNTAX", message: `JSON syntax error: ${describe(code)}`, start, end, fatal: false };
      }
    }
    if (seen.has(start)) continue;
    seen.add(start);
    out.push(diag);
  }
  if (out.length > 0) out[0].fatal = true;
  return out;
}
function parseJson(input) {
  const source = input.charCodeAt(0) === 65279 ? input.slice(1) : input;
  const lineStarts = computeLineStarts(source);
  const locations = /* @__PURE__ */ new Map();
  const deep = findDeepBracket(source, MAX_DEPTH);
  if (deep >= 0) {
    const diagnostic = {
      code: "DEPTH_LIMIT",
      message: `Nesting deeper than ${MAX_DEPTH} levels is not supported`,
      start: deep,
      end: deep + 1,
      fatal: true
    };
    return { format: "json", value: void 0, source, lineStarts, locations, diagnostics: [diagnostic] };
  }
  const errors = [];
  const tree = parseTree2(source, errors, { allowTrailingComma: false, disallowComments: true });
  const diagnostics = errorDiagnostics(source, errors);
  let stale = false;
  const build = (node, key, isRoot, ks, ke) => {
    locations.set(key, { start: node.offset, end: node.offset + node.length, keyStart: ks, keyEnd: ke });
    switch (node.type) {
      case "object": {
        const obj = {};
        const prefix = isRoot ? "" : key + "\0";
        for (const prop of node.children ?? []) {
          const kn = prop.children?.[0];
          const vn = prop.children?.[1];
          if (kn === void 0 || vn === void 0) continue;
          const name = String(kn.value);
          const kEnd = kn.offset + kn.length;
          if (hasOwn2.call(obj, name)) {
            diagnostics.push({
              code: "DUPLICATE_KEY",
              message: `Duplicate key "${name}"; CloudFormation rejects it (the last value wins here)`,
              start: kn.offset,
              end: kEnd,
              fatal: false
            });
            const old = obj[name];
            if (old !== null && typeof old === "object") stale = true;
          }
          setOwn(obj, name, build(vn, prefix + name, false, kn.offset, kEnd));
        }
        return obj;
      }
      case "array": {
        const prefix = isRoot ? "" : key + "\0";
        const children = node.children ?? [];
        const arr = new Array(children.length);
        for (let i = 0; i < children.length; i++) arr[i] = build(children[i], prefix + i, false, -1, -1);
        return arr;
      }
      case "null":
        return null;
      default:
        return node.value;
    }
  };
  const value = tree === void 0 ? void 0 : build(tree, "", true, -1, -1);
  if (stale) pruneStaleLocations(value, locations);
  diagnostics.sort((a, b) => a.start - b.start);
  return { format: "json", value, source, lineStarts, locations, diagnostics };
}
var hasOwn2;
var init_json = __esm({
  "src/parse/json.ts"() {
    "use strict";
    init_main();
    init_locate();
    init_yaml();
    hasOwn2 = Object.prototype.hasOwnProperty;
  }
});

// src/parse/index.ts
function detectFormat(source) {
  const n = source.length;
  let i = source.charCodeAt(0) === 65279 ? 1 : 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 47 && source.charCodeAt(i + 1) === 47) {
      while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const close = source.indexOf("*/", i + 2);
      if (close < 0) return "yaml";
      i = close + 2;
    } else return c === 123 || c === 91 ? "json" : "yaml";
  }
  return "yaml";
}
function parseDocument(source) {
  if (detectFormat(source) !== "json") return parseYaml(source);
  const json = parseJson(source);
  if (!json.diagnostics.some((d) => d.fatal) || json.diagnostics.some((d) => d.code === "JSON_COMMENT" || d.code === "DEPTH_LIMIT")) return json;
  const yaml = parseYaml(source);
  return yaml.value !== void 0 && !yaml.diagnostics.some((d) => d.fatal) ? yaml : json;
}
function firstInvalidUtf8(b) {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 128) {
      i++;
      continue;
    }
    let need;
    let lo = 128;
    let hi = 191;
    if (c >= 194 && c <= 223) need = 1;
    else if (c >= 224 && c <= 239) {
      need = 2;
      if (c === 224) lo = 160;
      else if (c === 237) hi = 159;
    } else if (c >= 240 && c <= 244) {
      need = 3;
      if (c === 240) lo = 144;
      else if (c === 244) hi = 143;
    } else return i;
    if (i + need >= n) return i;
    const c1 = b[i + 1];
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k] & 192) !== 128) return i;
    i += need + 1;
  }
  return -1;
}
function charOffset(bytes, byteIndex) {
  return new TextDecoder("utf-8").decode(bytes.subarray(0, byteIndex)).length;
}
function decodeSource(bytes) {
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) return { text: new TextDecoder("utf-16le").decode(bytes) };
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) return { text: new TextDecoder("utf-16be").decode(bytes) };
  const bom = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  const body = bytes.subarray(bom);
  const nul = body.subarray(0, NUL_SCAN_BYTES).indexOf(0);
  if (nul >= 0) {
    const at = charOffset(body, nul);
    return { error: { code: "BINARY", message: `binary file (a NUL byte at byte ${nul + bom}), not a template`, start: at, end: at + 1, fatal: true } };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const at = charOffset(body, bad);
    return {
      error: { code: "ENCODING", message: `invalid UTF-8 at byte ${bad + bom}; CloudFormation templates must be UTF-8`, start: at, end: at + 1, fatal: true }
    };
  }
}
var NUL_SCAN_BYTES;
var init_parse = __esm({
  "src/parse/index.ts"() {
    "use strict";
    init_json();
    init_yaml();
    init_types();
    init_locate();
    init_yaml();
    init_json();
    NUL_SCAN_BYTES = 8192;
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate2(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate2(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants3) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants3);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants3) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants3);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants3) {
        this.code = optimizeExpr(this.code, names, constants3);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants3) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants3))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants3) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants3);
        if (!(super.optimizeNames(names, constants3) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants3);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants3) {
        if (!super.optimizeNames(names, constants3))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants3);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants3) {
        if (!super.optimizeNames(names, constants3))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants3);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants3) {
        var _a, _b;
        super.optimizeNames(names, constants3);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants3);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants3);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants3) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants3[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants3[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and2(...args) {
      return args.reduce(andCode);
    }
    exports.and = and2;
    var orCode = mappend(exports.operators.OR);
    function or2(...args) {
      return args.reduce(orCode);
    }
    exports.or = or2;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules2 = self.RULES.keywords;
      for (const key in schema) {
        if (!rules2[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules2) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules2[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count2 = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count2++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count2 += countKeys(sch));
        }
        if (count2 === Infinity)
          return Infinity;
      }
      return count2;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules2 = it.self.RULES.all;
      for (const keyword in rules2) {
        const rule = rules2[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve6.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve6(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path11) {
      let input = path11;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path11) {
      if (path11 === "" || path11[0] === "/") {
        return removeDotSegments(path11);
      }
      const segments = path11.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path11 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path11 && path11 !== "/" ? path11 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse3(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve6(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative3, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse3(serialize(base, options), options);
        relative3 = parse3(serialize(relative3, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative3.scheme) {
        target.scheme = relative3.scheme;
        target.userinfo = relative3.userinfo;
        target.host = relative3.host;
        target.port = relative3.port;
        target.path = removeDotSegments(relative3.path || "");
        target.query = relative3.query;
      } else {
        if (relative3.userinfo !== void 0 || relative3.host !== void 0 || relative3.port !== void 0) {
          target.userinfo = relative3.userinfo;
          target.host = relative3.host;
          target.port = relative3.port;
          target.path = removeDotSegments(relative3.path || "");
          target.query = relative3.query;
        } else {
          if (!relative3.path) {
            target.path = base.path;
            if (relative3.query !== void 0) {
              target.query = relative3.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative3.path[0] === "/") {
              target.path = removeDotSegments(relative3.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative3.path;
              } else if (!base.path) {
                target.path = relative3.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative3.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative3.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative3.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse3(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve6,
      resolveComponent,
      equal,
      serialize,
      parse: parse3
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = {};
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules2 = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules2) {
            const rule = rules2[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        const regExp = $data ? (0, codegen_1._)`(new RegExp(${schemaCode}, ${u}))` : (0, code_1.usePattern)(cxt, schema);
        cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count2 = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count2)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count2) {
          gen.code((0, codegen_1._)`${count2}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count2} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count2} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports.default = format2;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv;
    module.exports = exports = Ajv;
    module.exports.Ajv = Ajv;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/discover/stack.ts
var stack_exports = {};
__export(stack_exports, {
  StackError: () => StackError,
  describeError: () => describeError,
  fetchStacks: () => fetchStacks,
  maskNoEchoDefaults: () => maskNoEchoDefaults,
  printable: () => printable,
  safeStackFileName: () => safeStackFileName
});
import { lstatSync, mkdirSync, readFileSync as readFileSync2, writeFileSync } from "node:fs";
import path6 from "node:path";
async function fetchStacks(options) {
  const timeoutMs = Math.min(options.timeoutMs ?? timeoutFromEnvironment() ?? DEFAULT_TIMEOUT_MS, 2 ** 31 - 1);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const sdk = await import("@aws-sdk/client-cloudformation");
  const client = new sdk.CloudFormationClient({
    ...options.region ? { region: options.region } : {},
    ...options.profile ? { profile: options.profile } : {},
    logger: new QuietLogger(),
    // Per attempt: the SDK retries timeouts (AWS_MAX_ATTEMPTS, 3 by default) within the request's budget below.
    requestHandler: {
      connectionTimeout: Math.ceil(timeoutMs / 6),
      requestTimeout: Math.ceil(timeoutMs / 3),
      throwOnRequestTimeout: true,
      // A server that sends headers and then stalls the body goes quiet: that ends the attempt too.
      socketTimeout: Math.ceil(timeoutMs / 3)
    }
  });
  const over = new AbortController();
  const withDeadline = (request) => {
    const controller = new AbortController();
    const abandon = () => controller.abort();
    over.signal.addEventListener("abort", abandon, { once: true });
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        reject(new DeadlineError(timeoutMs));
        controller.abort();
      }, timeoutMs);
    });
    return Promise.race([request(controller.signal), deadline]).finally(() => {
      clearTimeout(timer);
      over.signal.removeEventListener("abort", abandon);
    });
  };
  try {
    let region;
    try {
      region = await client.config.region();
    } catch {
      region = void 0;
    }
    if (!region) throw new StackError("no AWS region: pass --region, set AWS_REGION, or give the profile a region");
    const where = region;
    const fail = (error, stack) => {
      if (error instanceof StackError) throw error;
      throw new StackError(describeError(error, where, options.profile, stack));
    };
    let names = [...new Set(options.names)];
    if (options.all) {
      const listed = [];
      try {
        const tokens = /* @__PURE__ */ new Set();
        let token;
        do {
          const page = await withDeadline((abortSignal) => client.send(new sdk.ListStacksCommand({ StackStatusFilter: [...ACTIVE_STATUSES], NextToken: token }), { abortSignal }));
          for (const summary of page.StackSummaries ?? []) if (summary.StackName) listed.push(summary.StackName);
          token = page.NextToken || void 0;
          if (token === void 0) break;
          if (tokens.has(token)) throw new StackError(`CloudFormation in ${region} sent the same page token twice while listing the stacks: stopped`);
          if (tokens.size >= MAX_LIST_PAGES) throw new StackError(`CloudFormation in ${region} sent more than ${MAX_LIST_PAGES} pages of stacks: stopped`);
          tokens.add(token);
        } while (token);
      } catch (error) {
        fail(error);
      }
      names = [.../* @__PURE__ */ new Set([...names, ...listed.sort()])];
      options.onProgress?.(`${listed.length} active stack${listed.length === 1 ? "" : "s"} in ${region}`);
    }
    const fetchOne = async (name) => {
      let described;
      let template;
      try {
        [described, template] = await Promise.all([
          withDeadline((abortSignal) => client.send(new sdk.DescribeStacksCommand({ StackName: name }), { abortSignal })),
          withDeadline((abortSignal) => client.send(new sdk.GetTemplateCommand({ StackName: name, TemplateStage: "Original" }), { abortSignal }))
        ]);
      } catch (error) {
        return fail(error, name);
      }
      const stack = described.Stacks?.[0];
      if (!stack || template.TemplateBody === void 0) throw new StackError(`stack ${printable(name)} in ${region} returned no template`);
      const stackName = stack.StackName || name;
      const { body, noEcho } = maskNoEchoDefaults(template.TemplateBody, stackName);
      const parameters = {};
      const masked = new Set(noEcho);
      for (const p of stack.Parameters ?? []) {
        if (!p.ParameterKey || p.ParameterValue === void 0) continue;
        if (p.ParameterValue === MASK) masked.add(p.ParameterKey);
        else if (!masked.has(p.ParameterKey)) parameters[p.ParameterKey] = p.ParameterValue;
      }
      const uri = `stack://${region}/${encodeURIComponent(stackName)}`;
      return { name: stackName, region: where, uri, file: uri, body, parameters, masked: [...masked] };
    };
    const stacks = new Array(names.length);
    let next = 0;
    let fetched = 0;
    const worker = async () => {
      while (next < names.length && !over.signal.aborted) {
        const i = next++;
        stacks[i] = await fetchOne(names[i]);
        fetched++;
        if (options.all) options.onProgress?.(`fetched ${fetched}/${names.length} stacks (${printable(stacks[i].name)})`, true);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
    if (options.templatesDir !== void 0) {
      const taken = /* @__PURE__ */ new Set();
      for (const stack of stacks) writeTemplate(stack, options.templatesDir, taken);
    }
    return stacks;
  } finally {
    over.abort();
    client.destroy();
  }
}
function timeoutFromEnvironment() {
  const text = process.env[TIMEOUT_VARIABLE];
  if (text === void 0 || text.trim() === "") return void 0;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new StackError(`${TIMEOUT_VARIABLE} must be a number of seconds above 0 (got "${printable(text, 40)}")`);
  }
  return Math.ceil(seconds * 1e3);
}
function maskNoEchoDefaults(body, stackName) {
  const doc = parseDocument(body);
  if (doc.value === void 0 || doc.diagnostics.some((d) => d.fatal)) {
    if (!body.includes("NoEcho")) return { body, noEcho: [] };
    const name = printable(stackName).replace(/[\r\n]/g, " ");
    return { body: `# pillars-lint: the template of stack ${name} does not parse and declares NoEcho parameters, so its text is not shown
`, noEcho: [] };
  }
  const parameters = doc.value?.Parameters;
  if (!parameters || typeof parameters !== "object") return { body, noEcho: [] };
  const noEcho = [];
  const ranges = [];
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!parameter || typeof parameter !== "object" || !("NoEcho" in parameter)) continue;
    const flag2 = parameter.NoEcho;
    if (flag2 === false || typeof flag2 === "string" && flag2.toLowerCase() === "false") continue;
    noEcho.push(name);
    const at = doc.locations.get(pathKey(["Parameters", name, "Default"]));
    if (at) ranges.push({ start: at.start, end: at.end });
  }
  if (!ranges.length) return { body, noEcho };
  ranges.sort((a, b) => a.start - b.start);
  let out = "";
  let from = 0;
  for (const { start, end } of ranges) {
    if (start < from) continue;
    const lines = body.slice(start, end).split("\n").length - 1;
    out += body.slice(from, start) + `"${MASK}"` + "\n".repeat(lines);
    from = end;
  }
  return { body: out + body.slice(from), noEcho };
}
function safeStackFileName(name) {
  let stem = name.slice(0, 128).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^[.-]+/, "");
  if (stem === "") stem = "stack";
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(stem)) stem = `_${stem}`;
  return stem;
}
function writeTemplate(stack, dir, taken) {
  const extension = /^\s*[{[]/.test(stack.body) ? "json" : "yaml";
  const stem = safeStackFileName(stack.name);
  const shown = (file) => relativeInside(file, process.cwd()) ?? file;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StackError(`cannot create ${shown(dir)}: ${error.code ?? error.message}`);
  }
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const file = path6.resolve(dir, `${stem}${n === 1 ? "" : `-${n}`}.template.${extension}`);
    if (taken.has(file)) continue;
    try {
      writeFileSync(file, stack.body, { flag: "wx" });
    } catch (error) {
      const code = error.code;
      if (code === "EEXIST" && !sameText(file, stack.body)) continue;
      if (code !== "EEXIST") throw new StackError(`cannot write ${shown(file)}: ${code ?? error.message}`);
    }
    taken.add(file);
    stack.file = file;
    return;
  }
  throw new StackError(`cannot write the template of stack ${printable(stack.name)}: ${shown(path6.resolve(dir, stem))}.template.${extension} and ${MAX_NAME_TRIES - 1} other names are taken`);
}
function sameText(file, text) {
  try {
    const stat = lstatSync(file);
    return stat.isFile() && stat.size === Buffer.byteLength(text) && readFileSync2(file, "utf8") === text;
  } catch {
    return false;
  }
}
function describeError(error, region, profile, stack) {
  const e = error;
  const name = printable(typeof e?.name === "string" ? e.name : "", 80);
  const message = printable(firstLine(typeof e?.message === "string" ? e.message : String(error)));
  const which = stack === void 0 ? void 0 : printable(stack, 200);
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(message) && !e.code) {
    const from = profile ? `for profile ${printable(profile, 200)}` : "found";
    return `no AWS credentials ${from} (${message.replace(/\.$/, "")}): set up a profile, environment variables or SSO`;
  }
  if (error instanceof DeadlineError || name === "TimeoutError" || name === "AbortError") {
    const budget = error instanceof DeadlineError ? ` within ${error.ms / 1e3} s` : "";
    return `CloudFormation in ${region} did not answer${which ? ` for stack ${which}` : ""}${budget}: check the network, or set ${TIMEOUT_VARIABLE} (seconds) to wait longer`;
  }
  if (name === "ValidationError" && which && /does not exist/i.test(message)) return `stack ${which} does not exist in ${region}`;
  if (THROTTLING.has(name) || e?.$retryable?.throttling) {
    return `CloudFormation kept throttling the requests (${name || "throttled"}) after the SDK's retries: try again later, or lint fewer stacks at once`;
  }
  if (REFUSED.has(name)) return `AWS refused the request${which ? ` for stack ${which}` : ""} (${name}): ${message}`;
  if (/Region is missing/i.test(message)) return "no AWS region: pass --region, set AWS_REGION, or give the profile a region";
  const code = e?.code ?? error?.cause?.code;
  if (code && NETWORK.has(code)) return `cannot reach CloudFormation in ${region} (${code})`;
  return `cannot read ${which ? `stack ${which}` : "the stacks"} in ${region}: ${name ? `${name}: ` : ""}${message}`;
}
function firstLine(text) {
  return text.slice(0, 4 * MAX_MESSAGE).split(/\r?\n/)[0].trim();
}
function printable(text, max = MAX_MESSAGE) {
  const clip3 = (s) => s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
  return clip3(clip3(text).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
var StackError, ACTIVE_STATUSES, CONCURRENCY, MASK, DEFAULT_TIMEOUT_MS, TIMEOUT_VARIABLE, MAX_LIST_PAGES, MAX_MESSAGE, DeadlineError, MAX_NAME_TRIES, QuietLogger, THROTTLING, REFUSED, NETWORK, UNPRINTABLE;
var init_stack = __esm({
  "src/discover/stack.ts"() {
    "use strict";
    init_errors();
    init_parse();
    init_paths();
    StackError = class extends UsageError {
    };
    ACTIVE_STATUSES = [
      "CREATE_IN_PROGRESS",
      "CREATE_COMPLETE",
      "DELETE_FAILED",
      "UPDATE_IN_PROGRESS",
      "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
      "UPDATE_COMPLETE",
      "UPDATE_FAILED",
      "UPDATE_ROLLBACK_IN_PROGRESS",
      "UPDATE_ROLLBACK_FAILED",
      "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
      "UPDATE_ROLLBACK_COMPLETE",
      "ROLLBACK_FAILED",
      "IMPORT_IN_PROGRESS",
      "IMPORT_COMPLETE",
      "IMPORT_ROLLBACK_IN_PROGRESS",
      "IMPORT_ROLLBACK_FAILED",
      "IMPORT_ROLLBACK_COMPLETE"
    ];
    CONCURRENCY = 4;
    MASK = "****";
    DEFAULT_TIMEOUT_MS = 3e4;
    TIMEOUT_VARIABLE = "PILLARS_LINT_AWS_TIMEOUT";
    MAX_LIST_PAGES = 1e4;
    MAX_MESSAGE = 300;
    DeadlineError = class extends Error {
      constructor(ms) {
        super(`no answer within ${ms / 1e3} s`);
        this.ms = ms;
        this.name = "DeadlineError";
      }
      ms;
    };
    MAX_NAME_TRIES = 99;
    QuietLogger = class {
      debug() {
      }
      info() {
      }
      warn() {
      }
      error() {
      }
    };
    THROTTLING = /* @__PURE__ */ new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded"]);
    REFUSED = /* @__PURE__ */ new Set([
      "AccessDenied",
      "AccessDeniedException",
      "UnauthorizedOperation",
      "ExpiredToken",
      "ExpiredTokenException",
      "InvalidClientTokenId",
      "SignatureDoesNotMatch",
      "UnrecognizedClientException"
    ]);
    NETWORK = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN", "EHOSTUNREACH"]);
    UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  }
});

// src/action/run.ts
import { existsSync as existsSync5, lstatSync as lstatSync2, rmSync } from "node:fs";
import path10 from "node:path";

// src/config/config.ts
init_paths();
init_errors();
import { existsSync as existsSync2, realpathSync as realpathSync3 } from "node:fs";
import path2 from "node:path";

// src/engine/registry.ts
init_errors();

// package.json
var package_default = {
  name: "pillars-lint",
  version: "0.1.0",
  description: "Well-Architected static analyzer for AWS CloudFormation, SAM and CDK output, with SARIF 2.1.0 and readable reports",
  license: "Apache-2.0",
  homepage: "https://github.com/pillars-lint/pillars-lint#readme",
  repository: {
    type: "git",
    url: "git+https://github.com/pillars-lint/pillars-lint.git"
  },
  bugs: {
    url: "https://github.com/pillars-lint/pillars-lint/issues"
  },
  type: "module",
  bin: {
    "pillars-lint": "dist/cli.js"
  },
  main: "dist/index.js",
  types: "dist/types/src/index.d.ts",
  exports: {
    ".": {
      types: "./dist/types/src/index.d.ts",
      import: "./dist/index.js"
    },
    "./testing": {
      types: "./dist/types/src/testing/index.d.ts",
      import: "./dist/testing.js"
    },
    "./package.json": "./package.json"
  },
  files: [
    "dist/",
    "schemas/",
    "data/"
  ],
  engines: {
    node: ">=20.10"
  },
  scripts: {
    build: "node scripts/build.mjs",
    prepare: "node scripts/build.mjs",
    generate: "node scripts/generate.mjs",
    typecheck: "tsc --noEmit",
    test: "vitest run",
    bench: "node scripts/build.mjs && node bench/run.mjs"
  },
  dependencies: {
    "@aws-sdk/client-cloudformation": "3.1169.0",
    ajv: "8.17.1",
    "ajv-formats": "3.0.1",
    "js-yaml": "5.5.0",
    "jsonc-parser": "3.3.1"
  },
  devDependencies: {
    "@types/node": "20.19.9",
    "@types/sarif": "2.1.7",
    esbuild: "0.28.2",
    "fast-check": "4.11.0",
    typescript: "5.9.3",
    vitest: "4.1.12"
  }
};

// src/version.ts
var VERSION = package_default.version;
var PROJECT_URL = package_default.homepage.replace(/#.*$/, "");
function ruleDocsUrl(id) {
  return `${PROJECT_URL}/blob/main/docs/rules/${id}.md`;
}

// src/engine/registry.ts
function ruleMeta(rule, practices) {
  const first = rule.wellArchitected.map((id) => practices[id]).find(Boolean);
  const builtIn = !rule.id.includes("/");
  return {
    id: rule.id,
    pillar: rule.pillar,
    level: rule.level,
    title: rule.title,
    rationale: rule.rationale,
    remediation: rule.remediation,
    wellArchitected: rule.wellArchitected,
    securityHub: rule.securityHub ?? [],
    securitySeverity: rule.securitySeverity,
    appliesTo: rule.appliesTo,
    tags: rule.tags ?? [],
    peers: peerScopes(rule.peers),
    helpUri: rule.helpUri ?? (builtIn ? ruleDocsUrl(rule.id) : first?.url ?? "https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html"),
    experimental: rule.experimental,
    ...rule.docs ? { examples: { fail: rule.docs.noncompliant, pass: rule.docs.compliant } } : {}
  };
}
function peerScopes(peers) {
  const out = {};
  for (const [tool, refs] of Object.entries(peers ?? {})) {
    out[tool] = refs.map((ref) => typeof ref === "string" ? { id: ref } : ref);
  }
  return out;
}
function selectRules(all, selection) {
  const known = new Set(all.map((r) => r.id));
  for (const id of selection.ids ?? []) {
    if (!known.has(id)) {
      const hint = closest(id, [...known]);
      throw new UsageError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
    }
  }
  return all.filter(
    (r) => (!selection.ids?.length || selection.ids.includes(r.id)) && (!selection.pillars?.length || selection.pillars.includes(r.pillar))
  );
}
function closest(input, candidates) {
  let best;
  let bestDistance = Math.max(3, Math.floor(input.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

// src/engine/types.ts
var LEVELS = ["error", "warning", "note"];
var PILLARS = [
  "security",
  "reliability",
  "performance-efficiency",
  "cost-optimization",
  "operational-excellence",
  "sustainability"
];

// src/config/config.ts
init_parse();
init_locate();

// src/config/glob.ts
var GLOB_LIMITS = { length: 1e3, braceDepth: 5, alternatives: 32, wildcards: 32, globstars: 8, inNameGlobstars: 2 };
var GlobError = class extends Error {
};
var GLOBSTAR = /* @__PURE__ */ Symbol("**");
function parseBraces(glob2) {
  const root = [];
  let current = root;
  const open = [];
  for (let i = 0; i < glob2.length; i++) {
    const c = glob2[i];
    if (c === "{") {
      if (open.length >= GLOB_LIMITS.braceDepth) throw new GlobError(`braces nested more than ${GLOB_LIMITS.braceDepth} deep`);
      const group = [[]];
      current.push(group);
      open.push({ group, parent: current, column: i + 1 });
      current = group[0];
    } else if (c === "}") {
      const top = open.pop();
      if (!top) throw new GlobError(`unbalanced braces: the "}" at column ${i + 1} closes no "{"`);
      current = top.parent;
    } else if (c === "," && open.length) {
      const next = [];
      open.at(-1).group.push(next);
      current = next;
    } else current.push(c);
  }
  if (open.length) throw new GlobError(`unbalanced braces: the "{" at column ${open.at(-1).column} is not closed`);
  return root;
}
function tooMany() {
  return new GlobError(`it expands to more than ${GLOB_LIMITS.alternatives} patterns (list the globs separately)`);
}
function expand(sequence) {
  let out = [""];
  for (const item of sequence) {
    if (typeof item === "string") {
      out = out.map((s) => s + item);
      continue;
    }
    const options = item.flatMap(expand);
    if (out.length * options.length > GLOB_LIMITS.alternatives) throw tooMany();
    out = out.flatMap((s) => options.map((o) => s + o));
  }
  return out;
}
function components(glob2, anchored) {
  let pattern = glob2.replace(/\\/g, "/").replace(/^\.\//, "");
  const anywhere = !anchored && !pattern.includes("/");
  if (pattern.endsWith("/")) pattern += "**";
  const parts = pattern.split("/").map((p) => /^\*\*+$/.test(p) ? GLOBSTAR : p);
  if (anywhere && parts[0] !== GLOBSTAR) parts.unshift(GLOBSTAR);
  const out = [];
  const split = (list2) => {
    const i = list2.findIndex((p) => p !== GLOBSTAR && p.includes("**"));
    if (i < 0) {
      out.push(list2.filter((p, j) => !(p === GLOBSTAR && list2[j - 1] === GLOBSTAR)));
      return;
    }
    const part = list2[i];
    const at = part.indexOf("**");
    const before = part.slice(0, at);
    const after = part.slice(at + 2).replace(/^\*+/, "");
    split([...list2.slice(0, i), `${before}*${after}`, ...list2.slice(i + 1)]);
    split([...list2.slice(0, i), `${before}*`, GLOBSTAR, `*${after}`, ...list2.slice(i + 1)]);
  };
  split(parts);
  return out;
}
var FOLDERS = "(?:[^/]*/)*?";
function literal(text) {
  return text.replace(/[.+^$()|[\]{}\\*?]/g, "\\$&").replace(/\\\?/g, "[^/]");
}
var Builder = class {
  groups = 0;
  /**
   * `(?=(X))\N`: matches what X matches first, and is never re-entered when what follows fails. Groups are numbered
   * by their opening parenthesis, so the number is taken before X (which may hold groups of its own) is built.
   */
  atomic(body) {
    const n = ++this.groups;
    return `(?=(${body()}))\\${n}`;
  }
  /**
   * One path component. `*` does not cross `/`, so each piece between stars is taken at its first occurrence
   * (the classic greedy wildcard match: no later choice can do better), and the last piece ends the component.
   */
  component(glob2) {
    const pieces = glob2.split("*").map(literal);
    if (pieces.length === 1) return pieces[0];
    let out = pieces[0];
    for (const piece of pieces.slice(1, -1)) if (piece) out += this.atomic(() => `[^/]*?${piece}`);
    return `${out}[^/]*${pieces.at(-1)}`;
  }
  block(list2) {
    return list2.map((c) => this.component(c)).join("/");
  }
  /**
   * Components as an expression that ends the path. Blocks between globstars are taken at their first
   * occurrence too, for the same reason: a globstar matches any folders, so an earlier block leaves the rest of
   * the pattern the most to match.
   */
  alternative(list2) {
    const blocks = [[]];
    for (const c of list2) {
      if (c === GLOBSTAR) blocks.push([]);
      else blocks.at(-1).push(c);
    }
    const [first, ...rest] = blocks;
    if (rest.length === 0) return `${this.block(first)}$`;
    let out = first.length ? `${this.block(first)}/` : "";
    rest.forEach((block, i) => {
      const last = i === rest.length - 1;
      if (block.length === 0) {
        out += ".*$";
      } else if (last) {
        out += `${FOLDERS}${this.block(block)}$`;
      } else {
        out += this.atomic(() => `${FOLDERS}${this.block(block)}/`);
      }
    });
    return out;
  }
};
function inNameGlobstars(glob2) {
  let count2 = 0;
  for (const m of glob2.matchAll(/\*{2,}/g)) {
    const before = m.index === 0 ? "/" : glob2[m.index - 1];
    const after = glob2[m.index + m[0].length] ?? "/";
    if (before !== "/" || after !== "/") count2++;
  }
  return count2;
}
function parse2(glob2, anchored = false) {
  if (glob2.length > GLOB_LIMITS.length) throw new GlobError(`it is longer than ${GLOB_LIMITS.length} characters`);
  const wildcards = glob2.match(/\*+/g) ?? [];
  if (wildcards.length > GLOB_LIMITS.wildcards) throw new GlobError(`it has more than ${GLOB_LIMITS.wildcards} wildcards`);
  if (wildcards.filter((w) => w.length > 1).length > GLOB_LIMITS.globstars) throw new GlobError(`it has more than ${GLOB_LIMITS.globstars} "**"`);
  const expanded = expand(parseBraces(glob2));
  if (expanded.some((g) => inNameGlobstars(g.replace(/\\/g, "/")) > GLOB_LIMITS.inNameGlobstars)) {
    throw new GlobError(`it has more than ${GLOB_LIMITS.inNameGlobstars} "**" inside a name (write "**" as a whole path segment: "a/**/b")`);
  }
  const alternatives = /* @__PURE__ */ new Map();
  for (const list2 of expanded.flatMap((g) => components(g, anchored))) {
    alternatives.set(list2.map((c) => c === GLOBSTAR ? "/**" : `/${c}`).join(""), list2);
  }
  if (alternatives.size > GLOB_LIMITS.alternatives) throw tooMany();
  return [...alternatives.values()];
}
function globProblem(glob2) {
  try {
    parse2(glob2);
    return void 0;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}
function globToRegExp(glob2, anchored = false) {
  const builder = new Builder();
  const anywhere = [];
  const body = [];
  for (const list2 of parse2(glob2, anchored)) {
    if (list2.length > 1 && list2[0] === GLOBSTAR && !list2.slice(1).includes(GLOBSTAR)) anywhere.push(builder.block(list2.slice(1)));
    else body.push(builder.alternative(list2));
  }
  if (anywhere.length) body.push(`${FOLDERS}(?:${anywhere.join("|")})$`);
  return new RegExp(`^(?:${body.join("|")})`, "s");
}
var compiled = /* @__PURE__ */ new Map();
function matchesAny(relativePath, globs) {
  return globs.some((glob2) => {
    let re = compiled.get(glob2);
    if (!re) {
      re = globToRegExp(glob2);
      compiled.set(glob2, re);
    }
    return re.test(relativePath);
  });
}

// src/config/plugins.ts
init_paths();
init_errors();
import { existsSync, readFileSync, realpathSync as realpathSync2, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
var PLUGIN_NAME = /^[a-z0-9][a-z0-9-]*$/;
function resolvePlugin(spec, base, root) {
  if (spec.startsWith(".") || path.isAbsolute(spec)) {
    const target = path.resolve(base, spec);
    if (!existsSync(target)) throw new UsageError(`cannot load plugin ${spec}: no such file or folder`);
    if (root !== void 0 && relativeInside(realpathSync2.native(target), realpathSync2.native(root)) === void 0) {
      throw new UsageError(`cannot load plugin ${spec}: it is outside the project (install it as a package, or pass --root)`);
    }
    return statSync(target).isDirectory() ? packageEntry(target, spec) : target;
  }
  for (let dir = path.resolve(base); ; dir = path.dirname(dir)) {
    const folder = path.join(dir, "node_modules", spec);
    if (existsSync(path.join(folder, "package.json"))) return packageEntry(folder, spec);
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(`cannot load plugin ${spec}: it is not installed (npm install --save-dev ${spec})`);
}
function packageEntry(folder, spec) {
  let pkg = {};
  try {
    pkg = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8"));
  } catch {
  }
  const dot = typeof pkg.exports === "object" && pkg.exports !== null && "." in pkg.exports ? pkg.exports["."] : pkg.exports;
  const target = typeof dot === "string" ? dot : conditional(dot) ?? (typeof pkg.main === "string" ? pkg.main : "index.js");
  const file = path.resolve(folder, target);
  if (!existsSync(file)) throw new UsageError(`cannot load plugin ${spec}: its entry point ${path.relative(folder, file)} does not exist (is it built?)`);
  return file;
}
function conditional(value) {
  if (typeof value !== "object" || value === null) return void 0;
  for (const condition of ["import", "node", "default"]) {
    const v = value[condition];
    if (typeof v === "string") return v;
    const nested2 = conditional(v);
    if (nested2) return nested2;
  }
  return void 0;
}
async function loadPlugin(spec, base, root) {
  const file = resolvePlugin(spec, base, root);
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new UsageError(`cannot load plugin ${spec}: ${error.message.split("\n")[0]}`);
  }
  const plugin = mod.default && typeof mod.default === "object" && "rules" in mod.default ? mod.default : mod;
  const bad = (why) => new UsageError(`plugin ${spec} ${why}`);
  if (typeof plugin.name !== "string" || !PLUGIN_NAME.test(plugin.name)) throw bad("must export a name of lower-case letters, digits and dashes");
  if (!Array.isArray(plugin.rules)) throw bad("must export rules (a list of rules made with defineRule)");
  const ids = /* @__PURE__ */ new Set();
  const rules2 = plugin.rules.map((rule, i) => {
    if (!rule || typeof rule.id !== "string" || typeof rule.check !== "function" || typeof rule.messages !== "object") throw bad(`rule ${i + 1} is not a rule made with defineRule`);
    if (!PILLARS.includes(rule.pillar)) throw bad(`rule ${rule.id} has an unknown pillar "${String(rule.pillar)}"`);
    if (!LEVELS.includes(rule.level)) throw bad(`rule ${rule.id} has an unknown level "${String(rule.level)}"`);
    const local = rule.id.startsWith(`${plugin.name}/`) ? rule.id.slice(plugin.name.length + 1) : rule.id;
    if (ids.has(local)) throw bad(`has two rules named ${local}`);
    ids.add(local);
    return { ...rule, id: `${plugin.name}/${local}` };
  });
  const presets = /* @__PURE__ */ new Map();
  for (const [preset, list2] of Object.entries(plugin.presets ?? {})) {
    const members = /* @__PURE__ */ new Set();
    for (const id of list2) {
      const local = id.startsWith(`${plugin.name}/`) ? id.slice(plugin.name.length + 1) : id;
      if (!ids.has(local)) throw bad(`preset ${preset} names ${id}, which is not one of its rules`);
      members.add(`${plugin.name}/${local}`);
    }
    presets.set(`plugin:${plugin.name}/${preset}`, members);
  }
  return { name: plugin.name, rules: rules2, presets };
}

// src/config/user-file.ts
init_errors();
import { closeSync, constants, fstatSync, openSync, readSync, statSync as statSync2 } from "node:fs";
var MAX_USER_FILE_BYTES = 50 * 1024 * 1024;
var CHUNK = 1024 * 1024;
function kind(stat) {
  if (stat.isFile()) return void 0;
  if (stat.isDirectory()) return "it is a folder, not a file";
  if (stat.isFIFO()) return "it is a named pipe, not a regular file";
  if (stat.isSocket()) return "it is a socket, not a regular file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "it is a device, not a regular file";
  return "it is not a regular file";
}
function reasonOf(error) {
  const code = error.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder, not a file";
  return code ?? error.message;
}
function readUserFile(file, what, shown) {
  const fail = (reason) => new UsageError(`cannot read ${what} ${shown}: ${reason}`);
  const check = (stat) => {
    const wrong = kind(stat);
    if (wrong) throw fail(wrong);
    if (stat.size > MAX_USER_FILE_BYTES) throw fail(`it is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB`);
  };
  let fd;
  try {
    check(statSync2(file));
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof UsageError ? error : fail(reasonOf(error));
  }
  try {
    check(fstatSync(fd));
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_USER_FILE_BYTES) throw fail(`it is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB`);
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof UsageError ? error : fail(reasonOf(error));
  } finally {
    closeSync(fd);
  }
}

// schemas/pillars-lint.schema.json
var pillars_lint_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "pillars-lint configuration (.pillars-lint.yaml, .yml or .json)",
  type: "object",
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    plugins: {
      description: "Plugins to load: installed package names, or paths relative to this file. Their rules are named plugin-name/rule-id.",
      type: "array",
      items: { type: "string", minLength: 1 }
    },
    extends: {
      description: "Presets: recommended, all, pillar:<name>, or a plugin's plugin:<plugin>/<preset>. Default: recommended.",
      oneOf: [
        { $ref: "#/definitions/preset" },
        { type: "array", items: { $ref: "#/definitions/preset" }, minItems: 1 }
      ]
    },
    rules: { $ref: "#/definitions/ruleSettings" },
    overrides: {
      description: "Rule settings for some files; later entries win.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["files"],
        properties: {
          files: { $ref: "#/definitions/globs" },
          rules: { $ref: "#/definitions/ruleSettings" }
        }
      }
    },
    parameters: {
      description: "Template parameter values, as deployed (command-line values win).",
      type: "object",
      additionalProperties: { type: ["string", "number", "boolean"] }
    },
    include: { description: "Globs linted when no path is given on the command line.", $ref: "#/definitions/globs" },
    exclude: { description: "Globs never linted.", $ref: "#/definitions/globs" },
    "fail-on": { enum: ["error", "warning", "note", "none"] }
  },
  definitions: {
    preset: {
      type: "string",
      pattern: "^(recommended|all|pillar:(security|reliability|performance-efficiency|cost-optimization|operational-excellence|sustainability)|plugin:[a-z0-9][a-z0-9-]*/[A-Za-z0-9_-]+)$"
    },
    level: { enum: ["off", "error", "warning", "note"] },
    globs: {
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 }
      ]
    },
    ruleSettings: {
      type: "object",
      additionalProperties: {
        oneOf: [
          { $ref: "#/definitions/level" },
          {
            type: "array",
            minItems: 1,
            maxItems: 2,
            items: [{ $ref: "#/definitions/level" }, { type: "object" }]
          }
        ]
      }
    }
  }
};

// src/config/config.ts
var CONFIG_FILES = [".pillars-lint.yaml", ".pillars-lint.yml", ".pillars-lint.json"];
var ResolvedConfig = class {
  constructor(all, raw = {}, file, presets = /* @__PURE__ */ new Map()) {
    this.all = all;
    this.raw = raw;
    this.file = file;
    this.presets = presets;
  }
  all;
  raw;
  file;
  presets;
  cache = /* @__PURE__ */ new Map();
  /** Every rule known to this configuration: the built-in ones and those of its plugins. */
  get rules() {
    return this.all;
  }
  get parameters() {
    return Object.fromEntries(Object.entries(this.raw.parameters ?? {}).map(([k, v]) => [k, String(v)]));
  }
  get failOn() {
    return this.raw["fail-on"];
  }
  get include() {
    return list(this.raw.include);
  }
  get exclude() {
    return list(this.raw.exclude);
  }
  /** Whether the rules can differ between files (without overrides, forFile ignores the path). */
  get hasOverrides() {
    return (this.raw.overrides?.length ?? 0) > 0;
  }
  /** Rules for a file (path relative to the working directory, forward slashes): presets, then rules, then matching overrides. */
  forFile(relativePath) {
    const applicable = (this.raw.overrides ?? []).filter((o) => matchesAny(relativePath, list(o.files)));
    const key = applicable.map((o) => this.raw.overrides.indexOf(o)).join(",");
    const cached = this.cache.get(key);
    if (cached) return cached;
    const enabled = /* @__PURE__ */ new Map();
    for (const rule of this.all) if (inPresets(rule, list(this.raw.extends ?? "recommended"), this.presets)) enabled.set(rule.id, { options: {} });
    for (const settings of [this.raw.rules ?? {}, ...applicable.map((o) => o.rules ?? {})]) {
      for (const [id, setting] of Object.entries(settings)) {
        const [level, options] = Array.isArray(setting) ? setting : [setting, void 0];
        if (level === "off") enabled.delete(id);
        else enabled.set(id, { level, options: options ?? enabled.get(id)?.options ?? {} });
      }
    }
    const setup = {
      rules: this.all.filter((r) => enabled.has(r.id)),
      levels: new Map([...enabled].flatMap(([id, s]) => s.level ? [[id, s.level]] : [])),
      options: new Map([...enabled].map(([id, s]) => [id, s.options]))
    };
    this.cache.set(key, setup);
    return setup;
  }
};
function inPresets(rule, names, plugins) {
  const builtIn = !rule.id.includes("/");
  return names.some((p) => p === "all" || builtIn && (p === "recommended" && !rule.experimental || p === `pillar:${rule.pillar}`) || plugins.get(p)?.has(rule.id) === true);
}
function list(value) {
  return value === void 0 ? [] : Array.isArray(value) ? value : [value];
}
function findConfigFile(cwd, named2) {
  if (named2 !== void 0) {
    const file = path2.resolve(cwd, named2);
    if (!existsSync2(file)) throw new UsageError(`config file not found: ${named2}`);
    return file;
  }
  const found = CONFIG_FILES.map((f) => path2.join(cwd, f)).find((f) => existsSync2(f));
  if (found !== void 0 && relativeInside(realpathSync3.native(found), realpathSync3.native(cwd)) === void 0) {
    throw new UsageError(`config file ${path2.basename(found)} links to a file outside the project: name it explicitly (--config, or the Action's config input) to use it`);
  }
  return found;
}
async function withPlugins(builtIn, specs, root) {
  const all = [...builtIn];
  const presets = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Set();
  for (const { spec, base } of specs) {
    const plugin = await loadPlugin(spec, base, root);
    if (names.has(plugin.name)) continue;
    names.add(plugin.name);
    all.push(...plugin.rules);
    for (const [name, members] of plugin.presets) presets.set(name, members);
  }
  return { all, presets };
}
async function loadConfig(file, builtIn, cwd, extraPlugins = [], policy = {}) {
  const fromCli = extraPlugins.map((spec) => ({ spec, base: cwd }));
  if (file === void 0) {
    if (fromCli.length === 0) return new ResolvedConfig(builtIn);
    const { all: all2, presets: presets2 } = await withPlugins(builtIn, fromCli, policy.root);
    return new ResolvedConfig(all2, {}, void 0, presets2);
  }
  const shown = relativeInside(file, cwd) ?? (path2.resolve(file) === path2.resolve(cwd) ? "." : file);
  const decoded = decodeSource(readUserFile(file, "config file", shown));
  if ("error" in decoded) throw new UsageError(`${shown}: ${decoded.error.message}`);
  const doc = parseDocument(decoded.text);
  const fatal = doc.diagnostics.find((d) => d.fatal) ?? doc.diagnostics.find((d) => d.code === "DUPLICATE_KEY");
  if (fatal) {
    const at = positionAt(doc, fatal.start);
    throw new UsageError(`${shown}:${at.startLine}:${at.startColumn}: ${fatal.message}`);
  }
  const data = normalizeOff(doc.value ?? {});
  const problems = [];
  const { default: Ajv } = await Promise.resolve().then(() => __toESM(require_ajv(), 1));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(pillars_lint_schema_default);
  if (!validate(data)) problems.push(...schemaProblems(validate.errors ?? []));
  if (problems.length === 0) problems.push(...globProblems(data));
  const fromConfig = (data.plugins ?? []).map((spec) => ({ spec, base: path2.dirname(file) }));
  if (problems.length === 0 && fromConfig.length && policy.allowConfigPlugins === false) {
    problems.push({ path: ["plugins"], message: `plugins are code, and this run does not load those a config names: ${policy.refusal ?? "name them on the command line"}`, atKey: true });
  }
  const { all, presets } = problems.length === 0 ? await withPlugins(builtIn, [...fromConfig, ...fromCli], policy.root) : { all: [...builtIn], presets: /* @__PURE__ */ new Map() };
  if (problems.length === 0) {
    for (const [i, preset] of list(data.extends).entries()) {
      if (preset.startsWith("plugin:") && !presets.has(preset)) {
        const hint = closest(preset, [...presets.keys()]);
        problems.push({ path: Array.isArray(data.extends) ? ["extends", i] : ["extends"], message: `unknown plugin preset "${preset}"${hint ? ` (did you mean "${hint}"?)` : ""}` });
      }
    }
  }
  if (problems.length === 0) {
    const raw = data;
    const known = new Map(all.map((r) => [r.id, r]));
    const settingsBlocks = [
      { at: ["rules"], settings: raw.rules ?? {} },
      ...(raw.overrides ?? []).map((o, i) => ({ at: ["overrides", i, "rules"], settings: o.rules ?? {} }))
    ];
    for (const { at, settings } of settingsBlocks) {
      for (const [id, setting] of Object.entries(settings)) {
        const rule = known.get(id);
        if (!rule) {
          const hint = closest(id, [...known.keys()]);
          problems.push({ path: [...at, id], message: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}`, atKey: true });
          continue;
        }
        const options = Array.isArray(setting) ? setting[1] : void 0;
        if (options === void 0) continue;
        if (!rule.optionsSchema) {
          problems.push({ path: [...at, id, 1], message: `rule ${id} takes no options` });
          continue;
        }
        const check = ajv.compile(rule.optionsSchema);
        if (!check(options)) problems.push(...schemaProblems(check.errors ?? [], [...at, id, 1]));
      }
    }
  }
  if (problems.length > 0) {
    const [first] = problems;
    const where = problemRegion(doc, first);
    const key = first.path.length ? first.path.join(".") : "(top level)";
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    throw new UsageError(`${shown}:${where.startLine}:${where.startColumn}: ${key}: ${first.message}${more}`);
  }
  return new ResolvedConfig(all, data, file, presets);
}
function globProblems(raw) {
  const fields = [
    { at: ["include"], globs: raw.include },
    { at: ["exclude"], globs: raw.exclude },
    ...(raw.overrides ?? []).map((o, i) => ({ at: ["overrides", i, "files"], globs: o.files }))
  ];
  const problems = [];
  for (const { at, globs } of fields) {
    const each = Array.isArray(globs) ? globs.map((g, i) => ({ glob: g, at: [...at, i] })) : globs === void 0 ? [] : [{ glob: globs, at }];
    for (const { glob: glob2, at: where } of each) {
      const problem = globProblem(glob2);
      if (problem) problems.push({ path: where, message: `this glob cannot be used: ${problem}` });
    }
  }
  return problems;
}
function normalizeOff(data) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  const fix = (settings) => {
    if (typeof settings !== "object" || settings === null) return;
    const map = settings;
    for (const [id, value] of Object.entries(map)) {
      if (value === false) map[id] = "off";
      else if (Array.isArray(value) && value[0] === false) value[0] = "off";
    }
  };
  const raw = data;
  fix(raw.rules);
  if (Array.isArray(raw.overrides)) {
    for (const o of raw.overrides) if (o && typeof o === "object") fix(o.rules);
  }
  return data;
}
function problemRegion(doc, problem) {
  const found = problem.atKey ? locate(doc, problem.path) : void 0;
  if (found?.exact && found.location.keyStart >= 0) return positionAt(doc, found.location.keyStart);
  return findingRegion(doc, problem.path);
}
function positionAt(doc, offset) {
  const p = positionOf(doc.lineStarts, offset);
  return { startLine: p.line, startColumn: p.column };
}
function schemaProblems(errors, base = []) {
  const toPath = (pointer) => pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
  const out = [];
  for (const e of errors) {
    if (e.keyword === "oneOf" || e.keyword === "if") continue;
    let p = [...base, ...toPath(e.instancePath)];
    let message = e.message ?? "is not valid";
    let atKey = false;
    if (e.keyword === "additionalProperties") {
      const key = String(e.params.additionalProperty);
      p = [...p, key];
      message = `unknown key "${key}"`;
      atKey = true;
      if (p.length === 1) message += ` (expected one of: ${Object.keys(pillars_lint_schema_default.properties).filter((k) => k !== "$schema").join(", ")})`;
    } else if (e.keyword === "enum") {
      message = `must be one of ${e.params.allowedValues.join(", ")}`;
    } else if (e.keyword === "pattern" && p[0] === "extends") {
      message = `unknown preset (expected recommended, all, pillar:<${PILLARS.join("|")}> or plugin:<plugin>/<preset>)`;
    } else if (e.keyword === "type") {
      message = `must be ${e.params.type}`;
    }
    out.push({ path: p, message, atKey, depth: p.length });
  }
  const rank = (m) => m.startsWith("must be one of") || m.startsWith("unknown") ? 0 : 1;
  out.sort((a, b) => b.depth - a.depth || rank(a.message) - rank(b.message));
  const seen = /* @__PURE__ */ new Set();
  return out.filter((p) => {
    const k = p.path.join("/");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// src/action/run.ts
init_paths();
init_errors();

// src/engine/lint.ts
import { existsSync as existsSync4, statSync as statSync5 } from "node:fs";
import path7 from "node:path";

// src/discover/cdk.ts
import path3 from "node:path";
import { fileURLToPath } from "node:url";
var STACK = "aws:cloudformation:stack";
var NESTED_ASSEMBLY = "cdk:cloud-assembly";
var ASSET_MANIFEST = "cdk:asset-manifest";
var MAX_ASSEMBLY_DEPTH = 16;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var AssemblyReader = class {
  constructor(files) {
    this.files = files;
  }
  files;
  refused = [];
  /** The real path of what `manifest` names as `what`, the path as written when it does not exist, or undefined when refused. */
  resolve(dir, name, manifest, what) {
    const file = path3.resolve(dir, name);
    const { real, refusal } = this.files.locate(file);
    if (refusal) {
      this.refused.push({ file: manifest, reason: `${refusal} (${what})` });
      return void 0;
    }
    return real ?? file;
  }
  /** A JSON file a manifest names (or a manifest itself, when `manifest` is omitted), within the size cap. */
  json(file, manifest, what) {
    if (file === void 0) return void 0;
    const bytes = this.files.read(file);
    if (bytes instanceof Error) {
      if (bytes.message !== "no such file") this.refused.push({ file: manifest ?? file, reason: `not read: ${bytes.message}${what ? ` (${what})` : ""}` });
      return void 0;
    }
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch {
      return void 0;
    }
  }
  /** A cloud assembly manifest, not just any manifest.json (web app manifests, extension manifests). */
  manifest(dir) {
    const file = path3.join(dir, "manifest.json");
    const { real, refusal } = this.files.locate(file);
    if (refusal) this.refused.push({ file, reason: refusal });
    const manifest = real ? this.json(real) : void 0;
    return isObject(manifest) && typeof manifest.version === "string" && isObject(manifest.artifacts) ? manifest : void 0;
  }
};
function readCloudAssembly(dir, files) {
  const root = path3.resolve(dir);
  const reader = new AssemblyReader(files);
  const manifest = reader.manifest(root);
  if (!manifest) return void 0;
  const templates = [];
  readInto(root, manifest, templates, reader, /* @__PURE__ */ new Set(), 0);
  return { dir: root, templates, refused: reader.refused };
}
function readInto(dir, manifest, out, reader, visited, depth) {
  if (depth > MAX_ASSEMBLY_DEPTH || visited.has(dir)) return;
  visited.add(dir);
  const manifestFile = path3.join(dir, "manifest.json");
  const artifacts = manifest.artifacts;
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact)) continue;
    const properties = isObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === NESTED_ASSEMBLY && typeof properties.directoryName === "string") {
      const nested2 = reader.resolve(dir, properties.directoryName, manifestFile, `the directoryName of ${id}`);
      const nestedManifest = nested2 && !visited.has(nested2) ? reader.manifest(nested2) : void 0;
      if (nestedManifest) readInto(nested2, nestedManifest, out, reader, visited, depth + 1);
    } else if (artifact.type === STACK && typeof properties.templateFile === "string") {
      out.push(...stackTemplates(dir, id, artifact, artifacts, reader));
    }
  }
}
function stackMetadata(dir, id, artifact, reader) {
  const byPath = /* @__PURE__ */ new Map();
  const add = (source) => {
    if (!isObject(source)) return;
    for (const [p, entries] of Object.entries(source)) {
      if (Array.isArray(entries)) byPath.set(p, [...byPath.get(p) ?? [], ...entries]);
    }
  };
  add(artifact.metadata);
  if (typeof artifact.additionalMetadataFile === "string") {
    const manifest = path3.join(dir, "manifest.json");
    const what = `the additionalMetadataFile of ${id}`;
    add(reader.json(reader.resolve(dir, artifact.additionalMetadataFile, manifest, what), manifest, what));
  }
  return byPath;
}
function stackAssets(dir, artifact, artifacts, reader) {
  const assets = /* @__PURE__ */ new Map();
  const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
  for (const dep of dependencies) {
    const entry = typeof dep === "string" ? artifacts[dep] : void 0;
    if (!isObject(entry) || entry.type !== ASSET_MANIFEST || !isObject(entry.properties) || typeof entry.properties.file !== "string") continue;
    const what = `the asset manifest ${dep}`;
    const manifestFile = path3.join(dir, "manifest.json");
    const manifest = reader.json(reader.resolve(dir, entry.properties.file, manifestFile, what), manifestFile, what);
    const files = isObject(manifest) && isObject(manifest.files) ? manifest.files : {};
    for (const [hash, asset] of Object.entries(files)) {
      if (!isObject(asset) || !isObject(asset.source) || typeof asset.source.path !== "string" || asset.source.packaging === "zip") continue;
      const file = path3.resolve(dir, asset.source.path);
      assets.set(hash, file);
      for (const destination of Object.values(isObject(asset.destinations) ? asset.destinations : {})) {
        if (isObject(destination) && typeof destination.objectKey === "string") assets.set(destination.objectKey, file);
      }
    }
  }
  return assets;
}
function typed(entries, type) {
  return entries?.find((e) => isObject(e) && e.type === type);
}
function within(p, prefix) {
  return p === prefix || p.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
}
function stackTemplates(dir, id, artifact, artifacts, reader) {
  const properties = artifact.properties;
  const manifestFile = path3.join(dir, "manifest.json");
  const name = typeof artifact.displayName === "string" ? artifact.displayName : id;
  const mainFile = reader.resolve(dir, properties.templateFile, manifestFile, `the template of stack ${name}`);
  if (mainFile === void 0) return [];
  const metadata = stackMetadata(dir, id, artifact, reader);
  const assets = stackAssets(dir, artifact, artifacts, reader);
  const stackTags = isObject(properties.tags) ? Object.keys(properties.tags) : [];
  const make = (file, stack) => ({
    file,
    assembly: dir,
    stack,
    constructPaths: /* @__PURE__ */ new Map(),
    creation: /* @__PURE__ */ new Map(),
    plumbing: /* @__PURE__ */ new Set(),
    nestedStacks: /* @__PURE__ */ new Map(),
    assets,
    stackTags
  });
  const main = make(mainFile, name);
  const refused2 = /* @__PURE__ */ new Set();
  const roots = [];
  const plumbingRoots = [];
  for (const [p, entries] of metadata) {
    const templateFile = typed(entries, "aws:cdk:templateFile")?.data;
    if (typeof templateFile === "string") {
      const file = reader.resolve(dir, templateFile, manifestFile, `the template of nested stack ${p.replace(/^\//, "")}`);
      const template = file === mainFile ? main : make(file ?? path3.resolve(dir, templateFile), p.replace(/^\//, ""));
      if (file === void 0) refused2.add(template);
      roots.push({ path: p, template });
    }
    if (entries.some((e) => isObject(e) && typeof e.type === "string" && e.type.startsWith("aws:cdk:is-custom-resource-handler-"))) {
      plumbingRoots.push(p);
    }
  }
  roots.sort((a, b) => b.path.length - a.path.length);
  const ownerOf2 = (p) => roots.find((r) => within(p, r.path))?.template ?? main;
  const logicalIdAt = /* @__PURE__ */ new Map();
  const base = path3.dirname(dir);
  for (const [p, entries] of metadata) {
    const logicalId = typed(entries, "aws:cdk:logicalId")?.data;
    if (typeof logicalId !== "string") continue;
    const template = ownerOf2(p);
    const constructPath = p.replace(/^\//, "");
    template.constructPaths.set(logicalId, constructPath);
    logicalIdAt.set(p, { template, logicalId });
    const frame = firstUserFrame(typed(entries, "aws:cdk:creationStack")?.data, base);
    if (frame) template.creation.set(logicalId, frame);
    if (plumbingRoots.some((root) => within(p, root)) || isCdkPlumbingPath(constructPath)) template.plumbing.add(logicalId);
  }
  const nested2 = [];
  for (const { path: p, template } of roots) {
    if (template === main) continue;
    const cut = p.lastIndexOf("/");
    const name2 = p.slice(cut + 1);
    const resource = logicalIdAt.get(`${p.slice(0, cut)}/${name2}.NestedStack/${name2}.NestedStackResource`);
    if (resource) {
      resource.template.nestedStacks.set(resource.logicalId, template.file);
      template.parent = resource.template.file;
    } else {
      template.parent = main.file;
    }
    if (!refused2.has(template)) nested2.push(template);
  }
  nested2.sort((a, b) => a.stack.length - b.stack.length);
  return [main, ...nested2];
}
var PLUMBING_SEGMENTS = [
  /^Custom::.*Provider$/,
  /^Custom::CDKBucketDeployment[0-9a-fA-F]{32}$/,
  /^AWS679f53fac002430cb0da5b7982bd2287$/,
  /^LogRetention[0-9a-f]{32}$/,
  /^BucketNotificationsHandler[0-9a-f]{32}$/,
  /^framework-(onEvent|isComplete|onTimeout)$/,
  /^waiter-state-machine$/,
  /^@aws-cdk--/
];
function isCdkPlumbingPath(constructPath) {
  return constructPath.split("/").some((segment) => PLUMBING_SEGMENTS.some((re) => re.test(segment)));
}
function firstUserFrame(trace, base) {
  if (!Array.isArray(trace)) return void 0;
  for (const raw of trace) {
    if (typeof raw !== "string") continue;
    const frame = raw.trim().replace(/^at\s+/, "");
    if (frame.startsWith("...") || frame.startsWith("(")) continue;
    const open = frame.lastIndexOf("(");
    const where = open >= 0 && frame.endsWith(")") ? frame.slice(open + 1, -1) : frame;
    const match = /^(.+?):(\d+)(?::(\d+))?$/.exec(where);
    if (!match) continue;
    let file = match[1];
    if (file.startsWith("file://")) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    if (file.startsWith("node:") || file.startsWith("internal/") || /[\\/]node_modules[\\/]/.test(file) || file === "<anonymous>") continue;
    return { file: path3.resolve(base, file), line: Number(match[2]), ...match[3] ? { column: Number(match[3]) } : {} };
  }
  return void 0;
}

// src/discover/files.ts
import { existsSync as existsSync3, readdirSync, statSync as statSync4 } from "node:fs";
import path4 from "node:path";
init_errors();
init_paths();

// src/discover/read.ts
import { closeSync as closeSync2, constants as constants2, fstatSync as fstatSync2, openSync as openSync2, readSync as readSync2, realpathSync as realpathSync4, statSync as statSync3 } from "node:fs";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
var OUTSIDE_PROJECT = "not followed: outside the project";
var INSIDE_GIT = "not followed: inside .git/";
var DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;
var ReadRefusal = class extends Error {
};
var ProjectFiles = class {
  /** Throws (ENOENT, ENOTDIR) when `root` is not a directory. */
  constructor(root, maxBytes = DEFAULT_MAX_FILE_SIZE) {
    this.maxBytes = maxBytes;
    this.given = resolve2(root);
    this.root = realpathSync4.native(this.given);
    if (!statSync3(this.root).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  }
  maxBytes;
  /** Real path of the project root. */
  root;
  /** The root as given (a checkout reached through a symlink is inside it too, lexically). */
  given;
  reals = /* @__PURE__ */ new Map();
  /** The real path (one realpath(3) per path, cached), or undefined when it does not resolve (missing, dangling, a loop). */
  realPath(file) {
    const absolute = resolve2(file);
    let real = this.reals.get(absolute);
    if (real === void 0) {
      try {
        real = realpathSync4.native(absolute);
      } catch {
        real = null;
      }
      this.reals.set(absolute, real);
    }
    return real ?? void 0;
  }
  /**
   * Where `file` leads. A path that does not exist is refused when it lies outside the root as written, so that the
   * answer never tells whether a file outside exists.
   */
  locate(file) {
    const absolute = resolve2(file);
    const real = this.realPath(absolute);
    if (real === void 0) {
      if (!this.contains(absolute)) return { refusal: OUTSIDE_PROJECT };
      const rel = this.inside(absolute, this.given) ?? this.inside(absolute, this.root);
      return rel.split(sep2).includes(".git") ? { refusal: INSIDE_GIT } : {};
    }
    const refusal = this.refusal(real);
    return refusal ? { refusal } : { real };
  }
  /** Whether a path lies inside the root as written (no symlinks resolved). */
  contains(file) {
    const absolute = resolve2(file);
    return this.inside(absolute, this.given) !== void 0 || this.inside(absolute, this.root) !== void 0;
  }
  /** Why a real path may not be read, if it may not. */
  refusal(real) {
    const rel = this.inside(real, this.root);
    if (rel === void 0) return OUTSIDE_PROJECT;
    return rel.split(sep2).includes(".git") ? INSIDE_GIT : void 0;
  }
  /**
   * The bytes of a regular file of at most maxBytes, else an Error (a ReadRefusal for size and type) whose message
   * names no path. The type and size are checked before the file is opened (opening a FIFO blocks, a device may act
   * on open), and again on the open descriptor, which is what is read.
   */
  read(file) {
    let fd;
    try {
      const refused2 = this.check(statSync3(file));
      if (refused2) return refused2;
      fd = openSync2(file, constants2.O_RDONLY | (constants2.O_NONBLOCK ?? 0));
      const stat = fstatSync2(fd);
      const changed = this.check(stat);
      if (changed) return changed;
      const bytes = Buffer.allocUnsafe(stat.size);
      let length = 0;
      while (length < bytes.length) {
        const n = readSync2(fd, bytes, length, bytes.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return length === bytes.length ? bytes : bytes.subarray(0, length);
    } catch (error) {
      return new Error(fsErrorText(error));
    } finally {
      if (fd !== void 0) closeSync2(fd);
    }
  }
  check(stat) {
    if (!stat.isFile()) return new ReadRefusal(`not a regular file (${fileKind(stat)})`);
    if (stat.size > this.maxBytes) return new ReadRefusal(`${formatSize(stat.size)}, over the ${formatSize(this.maxBytes)} size limit (--max-file-size)`);
    return void 0;
  }
  inside(target, base) {
    const rel = relative2(base, target);
    return rel === ".." || rel.startsWith(".." + sep2) || isAbsolute2(rel) ? void 0 : rel;
  }
};
function fileKind(stat) {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a file";
}
function fsErrorText(error) {
  const code = error.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return `permission denied (${code})`;
    case "EISDIR":
      return "a directory";
    case "ELOOP":
      return "a symlink loop (ELOOP)";
    case void 0:
      return error.message ?? String(error);
    default:
      return code;
  }
}
var UNITS = ["B", "KB", "MB", "GB", "TB"];
function formatSize(bytes) {
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}

// src/discover/files.ts
var TEMPLATE_EXTENSION = /\.(ya?ml|json|template)$/i;
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set(["node_modules"]);
var GLOB_CHARS = /[*?[\]{}]/;
function skipDirectory(name) {
  return name.startsWith(".") || SKIPPED_DIRECTORIES.has(name) || name.startsWith("asset.");
}
async function discoverFiles(inputs, cwd, files = new ProjectFiles(cwd)) {
  const seen = /* @__PURE__ */ new Map();
  const assemblies = new AssemblyCache(files);
  const add = (file, explicit, cdk) => {
    const existing = seen.get(file);
    if (!existing) seen.set(file, { file, explicit, ...cdk ? { cdk } : {} });
    else {
      if (explicit) existing.explicit = true;
      existing.cdk ??= cdk;
    }
  };
  const skip = (file, skipReason) => {
    const key = `${file}\0${skipReason}`;
    if (!seen.has(key)) seen.set(key, { file, explicit: false, skipReason });
  };
  const addFile = (file, explicit) => {
    const assembly = assemblies.at(path4.dirname(file));
    const template = assembly?.templates.find((t) => t.file === file);
    if (assembly && !template && !explicit) return;
    add(file, explicit, template);
  };
  const addAssembly = (assembly, explicit) => {
    for (const t of assembly.templates) add(t.file, explicit, t);
    for (const r of assembly.refused) skip(r.file, r.reason);
  };
  for (const input of inputs) {
    const absolute = path4.resolve(cwd, input);
    const { real, refusal } = files.locate(absolute);
    if (refusal && (real || !GLOB_CHARS.test(input))) throw refused(input, refusal);
    let stat;
    try {
      stat = real ? statSync4(real) : void 0;
    } catch {
      stat = void 0;
    }
    if (real && stat?.isDirectory()) {
      for (const found of walk(real, assemblies, files)) {
        if (found.skipReason) skip(found.file, found.skipReason);
        else add(found.file, found.explicit, found.cdk);
      }
    } else if (real && stat) {
      const assembly = path4.basename(real) === "manifest.json" ? assemblies.at(path4.dirname(real)) : void 0;
      if (assembly) addAssembly(assembly, true);
      else addFile(real, true);
    } else if (GLOB_CHARS.test(input)) {
      for (const found of glob(input, cwd, files)) {
        if (found.skipReason) skip(found.file, found.skipReason);
        else addFile(found.file, false);
      }
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  return [...seen.values()];
}
function refused(input, refusal) {
  if (refusal === INSIDE_GIT) return new UsageError(`${input} is inside .git/, which pillars-lint never reads`);
  return new UsageError(`${input} is outside the project root: lint from a folder that contains it, or pass --root DIR`);
}
function glob(input, cwd, files) {
  const pattern = input.replace(/\\/g, "/");
  const problem = globProblem(pattern);
  if (problem) throw new UsageError(`the pattern "${input}" cannot be used: ${problem}`);
  const segments = pattern.split("/");
  const fixed = segments.slice(0, segments.findIndex((s) => GLOB_CHARS.test(s)));
  if (segments.slice(fixed.length).some((s) => /(^|[{,])\.\.([},]|$)/.test(s))) throw refused(input, OUTSIDE_PROJECT);
  const base = path4.resolve(cwd, fixed.join("/") || ".");
  const { real, refusal } = files.locate(base);
  if (refusal) throw refused(input, refusal);
  const matcher = globToRegExp(path4.isAbsolute(pattern) ? pattern : path4.posix.normalize(pattern), true);
  const dotNamed = /(^|\/)\.[^./]/.test(pattern);
  const out = [];
  const stack = real ? [real] : [];
  while (stack.length) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!dotNamed && entry.name.startsWith(".")) continue;
      const full = path4.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) stack.push(full);
        continue;
      }
      const shown = path4.isAbsolute(pattern) ? toPosix(full) : toPosix(path4.relative(cwd, path4.join(base, path4.relative(real, full))));
      if (!matcher.test(shown)) continue;
      const found = linkedEntry(full, entry, files, true);
      if (found) out.push(found);
    }
  }
  if (out.length === 0) throw new UsageError(`no files match the pattern "${input}"`);
  return out.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}
function linkedEntry(file, dirent, files, matched) {
  if (dirent.isFile()) {
    const dir = matched ? files.realPath(path4.dirname(file)) : path4.dirname(file);
    if (dir === void 0) return void 0;
    const real = path4.join(dir, path4.basename(file));
    const refusal = matched ? files.refusal(real) : void 0;
    return refusal ? { file, explicit: false, skipReason: refusal } : { file: real, explicit: false };
  }
  if (dirent.isSymbolicLink()) {
    if (!matched && !TEMPLATE_EXTENSION.test(file)) return void 0;
    const { real, refusal } = files.locate(file);
    if (refusal) return { file, explicit: false, skipReason: refusal };
    if (!real) return void 0;
    try {
      return statSync4(real).isDirectory() ? void 0 : { file: real, explicit: false };
    } catch {
      return void 0;
    }
  }
  if (dirent.isDirectory()) return void 0;
  return matched || TEMPLATE_EXTENSION.test(file) ? { file, explicit: false } : void 0;
}
var AssemblyCache = class {
  constructor(files) {
    this.files = files;
  }
  files;
  byDir = /* @__PURE__ */ new Map();
  at(dir) {
    if (!this.byDir.has(dir)) {
      this.byDir.set(dir, existsSync3(path4.join(dir, "manifest.json")) ? readCloudAssembly(dir, this.files) : void 0);
    }
    return this.byDir.get(dir);
  }
};
function walk(root, assemblies, projectFiles) {
  const files = [];
  const cdk = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      files.push({ file: dir, explicit: false, skipReason: `folder cannot be read: ${fsErrorText(error)}` });
      continue;
    }
    const assembly = entries.some((e) => e.name === "manifest.json" && e.isFile()) ? assemblies.at(dir) : void 0;
    if (assembly) {
      for (const t of assembly.templates) cdk.push({ file: t.file, explicit: false, cdk: t });
      for (const r of assembly.refused) cdk.push({ file: r.file, explicit: false, skipReason: r.reason });
      continue;
    }
    const subdirs = [];
    for (const entry of entries) {
      const full = path4.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) subdirs.push(full);
      } else if (entry.name.startsWith(".")) {
        continue;
      } else if (entry.isFile() ? TEMPLATE_EXTENSION.test(entry.name) : true) {
        const found = linkedEntry(full, entry, projectFiles, false);
        if (found) files.push(found);
      }
    }
    stack.push(...subdirs.sort().reverse());
  }
  return [...files.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0), ...cdk];
}

// src/engine/lint.ts
init_paths();
init_errors();
init_parse();
init_locate();

// src/template/foreach.ts
init_yaml();

// src/template/intrinsics.ts
function isPlainObject2(node) {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}
function intrinsicOf(node, inConditionExpression = false) {
  const name = intrinsicName(node, inConditionExpression);
  return name === void 0 ? void 0 : { name, args: node[name] };
}
function intrinsicName(node, inConditionExpression = false) {
  if (!isPlainObject2(node)) return void 0;
  let name;
  for (const key in node) {
    if (name !== void 0) return void 0;
    name = key;
  }
  if (name === void 0) return void 0;
  return name === "Ref" || name.startsWith("Fn::") || inConditionExpression && name === "Condition" ? name : void 0;
}
function valueAt(root, path11) {
  let node = root;
  for (const segment of path11) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isPlainObject2(node) && typeof segment === "string") node = node[segment];
    else return void 0;
  }
  return node;
}
function isDynamicReference(value) {
  return typeof value === "string" && value.includes("{{resolve:");
}
function parseSubString(text) {
  const parts = [];
  let literal2 = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("${", i);
    if (open < 0) break;
    const close = text.indexOf("}", open + 2);
    if (close < 0) break;
    literal2 += text.slice(i, open);
    const inner = text.slice(open + 2, close);
    if (inner.startsWith("!")) {
      literal2 += "${" + inner.slice(1) + "}";
    } else {
      if (literal2) parts.push(literal2);
      literal2 = "";
      const name = inner.trim();
      const dot = name.indexOf(".");
      if (dot > 0 && !name.startsWith("AWS::")) parts.push({ name: name.slice(0, dot), attribute: name.slice(dot + 1) });
      else parts.push({ name });
    }
    i = close + 1;
  }
  literal2 += text.slice(i);
  if (literal2) parts.push(literal2);
  return parts;
}
var PSEUDO_PARAMETERS = /* @__PURE__ */ new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix"
]);

// src/template/foreach.ts
var LOOP_PREFIX = "Fn::ForEach::";
var MAX_ITEMS = 1e3;
function expandResourceLoops(resources, parameters, mappings, given) {
  const out = [];
  const unexpanded = [];
  const context = { parameters, mappings, given, out, unexpanded, budget: MAX_ITEMS };
  for (const key in resources) {
    if (key.startsWith(LOOP_PREFIX)) expandLoop(key, resources[key], resources[key], ["Resources", key], [], [], context);
  }
  return { resources: out, unexpanded };
}
function expandLoop(key, node, written, path11, loops, parameters, context) {
  const name = key.slice(LOOP_PREFIX.length);
  const fail = (reason) => context.unexpanded.push({ name, path: path11, reason });
  if (!Array.isArray(node) || node.length !== 3 || typeof node[0] !== "string" || !isPlainObject2(node[2])) {
    fail("it is not [Identifier, Collection, {OutputKey: OutputValue}]");
    return;
  }
  const [identifier, collectionNode, fragment] = node;
  const collection = readCollection(collectionNode, context);
  if ("reason" in collection) {
    fail(collection.reason);
    return;
  }
  const within2 = [...loops, name];
  const resting = collection.parameter ? [...parameters, collection.parameter] : parameters;
  const keys = Object.keys(fragment);
  const writtenFragment = Array.isArray(written) && isPlainObject2(written[2]) ? written[2] : fragment;
  const writtenKeys = Object.keys(writtenFragment);
  for (const item of collection.items) {
    for (let k = 0; k < keys.length; k++) {
      const outputKey = keys[k];
      const writtenKey = writtenKeys.length === keys.length ? writtenKeys[k] : outputKey;
      const bodyPath = [...path11, 2, writtenKey];
      if (outputKey.startsWith(LOOP_PREFIX)) {
        const inner = substitute(fragment[outputKey], identifier, item);
        expandLoop(outputKey, inner, writtenFragment[writtenKey], bodyPath, within2, resting, context);
        continue;
      }
      if (context.budget-- <= 0) {
        fail(`it makes more than ${MAX_ITEMS} resources`);
        return;
      }
      context.out.push({
        logicalId: replaceIn(outputKey, identifier, item),
        node: substitute(fragment[outputKey], identifier, item),
        path: bodyPath,
        loops: within2,
        parameters: resting
      });
    }
  }
}
function readCollection(node, context) {
  if (Array.isArray(node)) {
    return node.every(isScalar) ? { items: node.map(String) } : { reason: "its collection holds values that are not known before deployment" };
  }
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name === "Ref" && typeof intrinsic.args === "string") {
    const value = parameterValue(intrinsic.args, context);
    if ("reason" in value) return value;
    return { items: value.value.split(",").map((s) => s.trim()), parameter: value };
  }
  if (intrinsic?.name === "Fn::FindInMap" && Array.isArray(intrinsic.args) && intrinsic.args.length === 3) {
    const keys = [];
    const parameters = [];
    for (const k of intrinsic.args) {
      if (isScalar(k)) keys.push(String(k));
      else {
        const ref = intrinsicOf(k);
        if (ref?.name !== "Ref" || typeof ref.args !== "string") return { reason: "its collection comes from a mapping key that is not known before deployment" };
        const value = parameterValue(ref.args, context);
        if ("reason" in value) return value;
        keys.push(value.value);
        parameters.push(value);
      }
    }
    const [map, top, second] = keys;
    const level = context.mappings[map];
    const entry = isPlainObject2(level) && isPlainObject2(level[top]) ? level[top][second] : void 0;
    if (!Array.isArray(entry) || !entry.every(isScalar)) return { reason: `its collection, mapping ${map} ${top}.${second}, is not a list of values` };
    return { items: entry.map(String), ...parameters[0] ? { parameter: parameters[0] } : {} };
  }
  return { reason: "its collection is not known before deployment" };
}
function parameterValue(name, context) {
  const given = context.given.get(name);
  if (given !== void 0) return { name, value: given, source: "given" };
  const param = context.parameters.get(name);
  if (!param) return { reason: `its collection refers to ${name}, which is not a parameter` };
  if (param.type.startsWith("AWS::SSM::Parameter::Value")) return { reason: `its collection, parameter ${name}, is read from SSM at deploy time` };
  const value = param.default;
  if (isScalar(value)) return { name, value: String(value), source: "default" };
  if (Array.isArray(value) && value.every(isScalar)) return { name, value: value.join(","), source: "default" };
  return { reason: `its collection, parameter ${name}, has no Default` };
}
function isScalar(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
function replaceIn(text, identifier, item) {
  if (!text.includes("{")) return text;
  return text.split("${" + identifier + "}").join(item).split("&{" + identifier + "}").join(item.replace(/[^A-Za-z0-9]/g, ""));
}
function substitute(node, identifier, item, depth = 0) {
  if (typeof node === "string") return replaceIn(node, identifier, item);
  if (depth > 256 || typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) return node.map((child) => substitute(child, identifier, item, depth + 1));
  const ref = intrinsicOf(node);
  if (ref?.name === "Ref" && ref.args === identifier) return item;
  const copy = {};
  for (const key in node) setOwn(copy, replaceIn(key, identifier, item), substitute(node[key], identifier, item, depth + 1));
  return copy;
}

// src/template/sam.ts
init_types();
var SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
var SAM_GLOBAL_SECTIONS = {
  "AWS::Serverless::Function": "Function",
  "AWS::Serverless::Api": "Api",
  "AWS::Serverless::HttpApi": "HttpApi",
  "AWS::Serverless::SimpleTable": "SimpleTable",
  "AWS::Serverless::StateMachine": "StateMachine",
  "AWS::Serverless::LayerVersion": "LayerVersion",
  "AWS::Serverless::CapacityProvider": "CapacityProvider"
};
function applySamGlobals(template) {
  const problems = [];
  const globals = template.root.Globals;
  if (globals === void 0 || globals === null) return { template, problems };
  if (!isPlainObject2(globals)) {
    problems.push({ message: "Globals must be a mapping", path: ["Globals"] });
    return { template, problems };
  }
  for (const [section, value] of Object.entries(globals)) {
    if (!isPlainObject2(value)) problems.push({ message: `Globals.${section} must be a mapping`, path: ["Globals", section] });
  }
  const doc = template.doc;
  let locations;
  const origins = /* @__PURE__ */ new Map();
  const resources = /* @__PURE__ */ new Map();
  for (const [id, resource] of template.resources) {
    const section = SAM_GLOBAL_SECTIONS[resource.type];
    const global = section ? globals[section] : void 0;
    if (!isPlainObject2(global) || Object.keys(global).length === 0) {
      resources.set(id, resource);
      continue;
    }
    const moves = [];
    const shifted = [];
    const propsAt = [...resource.path, "Properties"];
    const properties = mergeMaps(global, resource.properties ?? {}, ["Globals", section], propsAt, moves, shifted);
    locations ??= new Map(doc.locations);
    const origin = /* @__PURE__ */ new Map();
    for (const { at, value } of shifted) forEachPath(value, (rel) => rel.length > 0 && locations.delete(pathKey([...at, ...rel])));
    for (const move of moves) {
      forEachPath(move.value, (rel) => {
        const found = doc.locations.get(pathKey([...move.from, ...rel]));
        if (found) locations.set(pathKey([...move.to, ...rel]), found);
      });
      if (move.from[0] === "Globals") origin.set(pathKey(move.to.slice(resource.path.length)), move.from);
    }
    origins.set(id, origin);
    const node = { ...resource.node, Properties: properties };
    resources.set(id, makeResource({ ...resource, node, properties }));
  }
  if (!locations) return { template, problems };
  return {
    problems,
    template: makeTemplate({
      ...template,
      // Field by field, in the parsers' order: a spread copy of the document would get a hidden class of its own.
      doc: { format: doc.format, value: doc.value, source: doc.source, lineStarts: doc.lineStarts, locations, diagnostics: doc.diagnostics },
      resources,
      // Merging Globals changes no resource's type: the same groups, holding the merged resources.
      byType: new Map([...template.byType].map(([type, list2]) => [type, list2.map((r) => resources.get(r.logicalId))])),
      samGlobals: origins
    })
  };
}
function samGlobalsOrigin(template, logicalId, path11) {
  const origin = template.samGlobals?.get(logicalId);
  if (!origin) return void 0;
  for (let n = path11.length; n > 0; n--) {
    const from = origin.get(pathKey(path11.slice(0, n)));
    if (from) return [...from, ...path11.slice(n)];
  }
  return void 0;
}
function mergeable(value) {
  if (Array.isArray(value)) return "list";
  if (isPlainObject2(value) && !intrinsicOf(value)) return "map";
  return void 0;
}
function mergeMaps(global, local, gAt, at, moves, shifted) {
  const out = {};
  for (const key of Object.keys(global)) out[key] = void 0;
  for (const key of Object.keys(local)) out[key] = void 0;
  for (const key of Object.keys(out)) {
    const g = global[key];
    const l = local[key];
    const keyAt = [...at, key];
    if (!(key in local)) {
      moves.push({ to: keyAt, from: [...gAt, key], value: g });
      out[key] = g;
      continue;
    }
    const kind2 = mergeable(l);
    if (!(key in global) || kind2 === void 0 || kind2 !== mergeable(g)) {
      out[key] = l;
    } else if (kind2 === "map") {
      out[key] = mergeMaps(g, l, [...gAt, key], keyAt, moves, shifted);
    } else {
      const gl = g;
      const ll = l;
      gl.forEach((item, i) => moves.push({ to: [...keyAt, i], from: [...gAt, key, i], value: item }));
      if (gl.length > 0) {
        shifted.push({ at: keyAt, value: ll });
        ll.forEach((item, j) => moves.push({ to: [...keyAt, gl.length + j], from: [...keyAt, j], value: item }));
      }
      out[key] = [...gl, ...ll];
    }
  }
  return out;
}
function forEachPath(value, visit2) {
  const stack = [{ node: value, rel: [] }];
  while (stack.length) {
    const { node, rel } = stack.pop();
    visit2(rel);
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, rel: [...rel, i] }));
    else if (isPlainObject2(node)) for (const key of Object.keys(node)) stack.push({ node: node[key], rel: [...rel, key] });
  }
}

// src/template/model.ts
function makeTemplate(t) {
  return {
    file: t.file,
    doc: t.doc,
    root: t.root,
    parameters: t.parameters,
    conditions: t.conditions,
    mappings: t.mappings,
    resources: t.resources,
    byType: t.byType,
    transforms: t.transforms,
    samGlobals: t.samGlobals,
    stackTags: t.stackTags,
    unexpandedLoops: t.unexpandedLoops
  };
}
function makeResource(r) {
  return {
    logicalId: r.logicalId,
    type: r.type,
    node: r.node,
    properties: r.properties,
    condition: r.condition,
    dependsOn: r.dependsOn,
    metadata: r.metadata,
    path: r.path,
    loop: r.loop
  };
}
var SECTIONS = ["Parameters", "Conditions", "Mappings", "Resources", "Outputs", "Metadata", "Rules"];
var NO_PARAMETERS = /* @__PURE__ */ new Map();
function notTemplateShaped(root) {
  if (!isPlainObject2(root)) return "the document is not a mapping";
  if ("AWSTemplateFormatVersion" in root) return void 0;
  const resources = root.Resources;
  if (resources === void 0) return "no Resources section and no AWSTemplateFormatVersion";
  if (!isPlainObject2(resources)) return "its Resources is not a mapping of resources";
  let empty = true;
  for (const id in resources) {
    empty = false;
    const entry = resources[id];
    if (id.startsWith(LOOP_PREFIX) || isPlainObject2(entry) && typeof entry.Type === "string") return void 0;
  }
  return empty ? void 0 : "no entry of its Resources has a Type";
}
function buildTemplate(doc, file, options = {}) {
  const root = doc.value;
  if (!isPlainObject2(root)) {
    return { kind: "not-cloudformation", reason: "the document is not a mapping" };
  }
  if (!("Resources" in root) && !("AWSTemplateFormatVersion" in root)) {
    return { kind: "not-cloudformation", reason: "no Resources section and no AWSTemplateFormatVersion" };
  }
  const problems = [];
  for (const section of SECTIONS) {
    if (section in root && root[section] !== null && !isPlainObject2(root[section])) {
      problems.push({ message: `${section} must be a mapping`, path: [section] });
    }
  }
  if (!isPlainObject2(root.Resources)) {
    if (!("Resources" in root)) problems.push({ message: "the template has no Resources section", path: [] });
    else if (root.Resources === null) problems.push({ message: "Resources must be a mapping", path: ["Resources"] });
    return { kind: "invalid", problems };
  }
  const parameters = readParameters(root, problems);
  const conditions = new Map(Object.entries(isPlainObject2(root.Conditions) ? root.Conditions : {}));
  const resources = /* @__PURE__ */ new Map();
  const byType = /* @__PURE__ */ new Map();
  let loops = false;
  for (const logicalId in root.Resources) {
    if (logicalId.startsWith(LOOP_PREFIX)) {
      loops = true;
      continue;
    }
    const resource = readResource(logicalId, root.Resources[logicalId], ["Resources", logicalId], void 0, problems);
    if (resource) addResource(resource, resources, byType);
  }
  const mappings = isPlainObject2(root.Mappings) ? root.Mappings : {};
  const unexpandedLoops2 = [];
  if (loops) {
    const expanded = expandResourceLoops(root.Resources, parameters, mappings, options.parameters ?? NO_PARAMETERS);
    for (const made of expanded.resources) {
      if (resources.has(made.logicalId)) {
        problems.push({ message: `loop ${made.loops.at(-1)} makes resource ${made.logicalId}, which the template already has`, path: made.path });
        continue;
      }
      const resource = readResource(made.logicalId, made.node, made.path, { names: made.loops, parameters: made.parameters }, problems);
      if (resource) addResource(resource, resources, byType);
    }
    for (const loop of expanded.unexpanded) unexpandedLoops2.push(loop);
  }
  const transform = root.Transform;
  const transforms = typeof transform === "string" ? [transform] : Array.isArray(transform) ? transform.filter((t) => typeof t === "string") : [];
  const template = makeTemplate({
    file,
    doc,
    root,
    parameters,
    conditions,
    mappings,
    resources,
    byType,
    transforms,
    samGlobals: void 0,
    stackTags: options.stackTags ?? [],
    unexpandedLoops: unexpandedLoops2
  });
  if (!transforms.includes(SAM_TRANSFORM)) return { kind: "template", problems, template };
  const sam = applySamGlobals(template);
  for (const problem of sam.problems) problems.push(problem);
  return { kind: "template", problems, template: sam.template };
}
function readParameters(root, problems) {
  const parameters = /* @__PURE__ */ new Map();
  const paramSection = isPlainObject2(root.Parameters) ? root.Parameters : {};
  for (const [name, node] of Object.entries(paramSection)) {
    if (!isPlainObject2(node)) {
      problems.push({ message: `parameter ${name} must be a mapping`, path: ["Parameters", name] });
      continue;
    }
    parameters.set(name, {
      name,
      type: typeof node.Type === "string" ? node.Type : "String",
      default: node.Default,
      allowedValues: Array.isArray(node.AllowedValues) ? node.AllowedValues : void 0
    });
  }
  return parameters;
}
function addResource(resource, resources, byType) {
  resources.set(resource.logicalId, resource);
  let list2 = byType.get(resource.type);
  if (!list2) byType.set(resource.type, list2 = []);
  list2.push(resource);
}
function readResource(logicalId, node, path11, loop, problems) {
  if (!isPlainObject2(node)) {
    problems.push({ message: `resource ${logicalId} must be a mapping`, path: path11 });
    return void 0;
  }
  if (typeof node.Type !== "string" || node.Type === "") {
    const message = node.Type === void 0 ? `resource ${logicalId} has no Type` : `the Type of resource ${logicalId} is not a resource type name`;
    problems.push({ message, path: node.Type === void 0 ? path11 : [...path11, "Type"] });
    return void 0;
  }
  if ("Properties" in node && node.Properties !== null && !isPlainObject2(node.Properties)) {
    problems.push({ message: `Properties of ${logicalId} must be a mapping`, path: [...path11, "Properties"] });
    return void 0;
  }
  const dependsOn = typeof node.DependsOn === "string" ? [node.DependsOn] : Array.isArray(node.DependsOn) ? node.DependsOn.filter((d) => typeof d === "string") : [];
  return makeResource({
    logicalId,
    type: node.Type,
    node,
    properties: isPlainObject2(node.Properties) ? node.Properties : void 0,
    condition: typeof node.Condition === "string" ? node.Condition : void 0,
    dependsOn,
    metadata: isPlainObject2(node.Metadata) ? node.Metadata : void 0,
    path: path11,
    loop
  });
}

// src/template/rain.ts
function isRainKey(key) {
  return key.startsWith("Rain::") || key.startsWith("Fn::Rain::");
}
function isRainDirective(value) {
  if (!isPlainObject2(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && isRainKey(keys[0]);
}
function firstRainDirective(root) {
  const stack = [{ node: root, path: [] }];
  let budget = 2e5;
  while (stack.length && budget-- > 0) {
    const { node, path: path11 } = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path11, i] });
    } else if (isPlainObject2(node)) {
      const keys = Object.keys(node);
      for (const key of keys) if (isRainKey(key)) return { path: [...path11, key], key: key.replace(/^Fn::/, "") };
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: node[keys[i]], path: [...path11, keys[i]] });
    }
  }
  return void 0;
}

// src/engine/options.ts
function optionsSchema(defs) {
  const properties = {};
  for (const [name, def] of Object.entries(defs)) {
    properties[name] = { ...def.schema, description: def.description, default: def.default };
  }
  return { type: "object", properties, additionalProperties: false };
}
function optionDefaults(defs) {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.default]));
}

// src/engine/rule.ts
function defineRule(spec) {
  const { options, ...rest } = spec;
  return {
    ...rest,
    check: spec.check,
    ...options ? { options, optionsSchema: optionsSchema(options), defaultOptions: optionDefaults(options) } : {}
  };
}

// src/values/coerce.ts
function asBoolean(v) {
  if (v.kind !== "literal") return void 0;
  if (typeof v.value === "boolean") return v.value;
  if (typeof v.value === "string") {
    const lower2 = v.value.toLowerCase();
    if (lower2 === "true") return true;
    if (lower2 === "false") return false;
  }
  return void 0;
}
function asNumber(v) {
  if (v.kind !== "literal") return void 0;
  if (typeof v.value === "number") return v.value;
  if (typeof v.value === "string" && v.value.trim() !== "" && !Number.isNaN(Number(v.value))) return Number(v.value);
  return void 0;
}
function asString(v) {
  if (v.kind !== "literal") return void 0;
  if (typeof v.value === "string") return v.value;
  if (typeof v.value === "number" || typeof v.value === "boolean") return String(v.value);
  return void 0;
}
function isSet(v) {
  if (v.kind === "absent") return false;
  if (v.kind === "unknown") return true;
  return v.value !== null && v.value !== "" && !(Array.isArray(v.value) && v.value.length === 0);
}

// src/values/quote.ts
var QUOTE_LENGTH = 200;
function clip(text, max = QUOTE_LENGTH) {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end--;
  return `${text.slice(0, end)}\u2026`;
}
function valueText(value, max = QUOTE_LENGTH) {
  if (typeof value === "string") return clip(value, max);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return clip(String(value), max);
  if (value === void 0) return "";
  if (value instanceof Opaque) return clip(value.reason, max);
  const out = [];
  shortJson(value, out, { left: max + 1 });
  return clip(out.join(""), max);
}
function shortJson(value, out, budget) {
  if (budget.left <= 0) return;
  let text;
  if (value === null || value === void 0) text = "null";
  else if (typeof value === "string") text = JSON.stringify(clip(value, budget.left + 1));
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else if (value instanceof Opaque) text = JSON.stringify(clip(value.reason, budget.left + 1));
  else if (Array.isArray(value)) {
    write("[", out, budget);
    for (let i = 0; i < value.length && budget.left > 0; i++) {
      if (i > 0) write(",", out, budget);
      shortJson(value[i], out, budget);
    }
    write("]", out, budget);
    return;
  } else if (typeof value === "object") {
    write("{", out, budget);
    let first = true;
    for (const key in value) {
      if (budget.left <= 0) break;
      if (!first) write(",", out, budget);
      first = false;
      write(`${JSON.stringify(clip(key, budget.left + 1))}:`, out, budget);
      shortJson(value[key], out, budget);
    }
    write("}", out, budget);
    return;
  } else text = String(value);
  write(text, out, budget);
}
function write(text, out, budget) {
  if (budget.left <= 0) return;
  out.push(text.length > budget.left ? text.slice(0, budget.left) : text);
  budget.left -= text.length;
}

// src/words.ts
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function listWords(items, conjunction = "and") {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
function named(noun, names) {
  return `${noun}${names.length === 1 ? "" : "s"} ${listWords(names)}`;
}

// src/values/variant.ts
function makeVariant(kind2, value, reason, path11, external, assumptions) {
  return { kind: kind2, value, reason, origin: void 0, ref: void 0, opaque: void 0, pseudo: void 0, symbolic: void 0, path: path11, external, assumptions };
}
function variantWith(v, change) {
  const copy = makeVariant(v.kind, v.value, v.reason, v.path, v.external, v.assumptions);
  copy.origin = v.origin;
  copy.ref = v.ref;
  copy.opaque = v.opaque;
  copy.pseudo = v.pseudo;
  copy.symbolic = v.symbolic;
  return Object.assign(copy, change);
}
function literalVariant(value, path11, external, assumptions) {
  return makeVariant("literal", value, void 0, path11, external, assumptions);
}
function unknownVariant(reason, path11, external, assumptions, origin = OTHER) {
  const v = makeVariant("unknown", void 0, reason, path11, external, assumptions);
  v.origin = origin;
  return v;
}
var OTHER = { kind: "other" };
function absentVariant(path11, external, assumptions) {
  return makeVariant("absent", void 0, void 0, path11, external, assumptions);
}
var Opaque = class {
  constructor(id, reason) {
    this.id = id;
    this.reason = reason;
  }
  id;
  reason;
};
function isAlternative(a) {
  return a.kind === "parameter" && a.source === "allowed" || a.kind === "mapping-key";
}
function assumptionKey(a) {
  if (a.kind === "parameter") return `p:${a.name}`;
  if (a.kind === "condition") return `c:${a.name}`;
  return `m:${a.map}`;
}
function sameValue(a, b) {
  if (a.kind === "parameter" && b.kind === "parameter") return String(a.value) === String(b.value);
  if (a.kind === "condition" && b.kind === "condition") return a.value === b.value;
  if (a.kind === "mapping-key" && b.kind === "mapping-key") return a.key === b.key;
  return false;
}
var NO_ASSUMPTIONS = [];
var mergeWork = { steps: 0 };
function mergeAssumptions(...lists) {
  return mergeAssumptionLists(lists);
}
function mergeAssumptionLists(lists) {
  let only;
  let nonEmpty = 0;
  for (let i = 0; i < lists.length; i++) if (lists[i].length) only = lists[i], nonEmpty++;
  if (nonEmpty === 0) return NO_ASSUMPTIONS;
  if (nonEmpty === 1) return only;
  return mergeSeveral(lists);
}
function mergeSeveral(lists) {
  for (let i = 0; i < lists.length; i++) mergeWork.steps += lists[i].length;
  const merged = /* @__PURE__ */ new Map();
  for (const list2 of lists) {
    for (const a of list2) {
      const key = assumptionKey(a);
      const existing = merged.get(key);
      if (!existing) merged.set(key, a);
      else if (!sameValue(existing, a)) return void 0;
    }
  }
  return [...merged.values()];
}
var onlyVariant = (list2) => list2[0];
var assumptionsOf = (v) => v.assumptions;
function combinations(lists, limit = 256) {
  let nonEmpty = 0;
  for (let i = 0; i < lists.length; i++) {
    const list2 = lists[i];
    if (list2.length !== 1) return everyCombination(lists, limit);
    if (list2[0].assumptions.length) nonEmpty++;
  }
  const single = lists.map(onlyVariant);
  if (nonEmpty < 2) return [single];
  return mergeSeveral(single.map(assumptionsOf)) ? [single] : [];
}
function everyCombination(lists, limit) {
  let acc = [{ last: void 0, before: void 0, assumptions: NO_ASSUMPTIONS }];
  for (let l = 0; l < lists.length; l++) {
    const list2 = lists[l];
    const next = [];
    extend: for (let p = 0; p < acc.length; p++) {
      const prefix = acc[p];
      mergeWork.steps += list2.length;
      for (let i = 0; i < list2.length; i++) {
        const assumptions = mergeAssumptions(prefix.assumptions, list2[i].assumptions);
        if (!assumptions) continue;
        next.push({ last: list2[i], before: prefix, assumptions });
        if (next.length >= limit) break extend;
      }
    }
    acc = next;
  }
  mergeWork.steps += acc.length * lists.length;
  const out = [];
  for (let c = 0; c < acc.length; c++) {
    const combo = new Array(lists.length);
    let at = acc[c];
    for (let i = lists.length - 1; i >= 0; i--) {
      combo[i] = at.last;
      at = at.before;
    }
    out.push(combo);
  }
  return out;
}
function describeAlternatives(assumptions, max) {
  const groups = /* @__PURE__ */ new Map();
  for (const a of assumptions) {
    if (!isAlternative(a)) continue;
    const key = assumptionKey(a);
    let group = groups.get(key);
    if (!group) {
      const head = a.kind === "parameter" ? `when parameter ${clip(a.name)} is` : a.kind === "mapping-key" ? `when the ${clip(a.map)} key is` : "";
      groups.set(key, group = { head, values: [] });
    }
    const value = JSON.stringify(a.kind === "mapping-key" ? clip(a.key) : a.kind === "parameter" ? valueText(a.value) : "");
    if (!group.values.includes(value)) group.values.push(value);
  }
  let left = max;
  let more = 0;
  const clauses = [];
  for (const g of groups.values()) {
    const shown = g.values.slice(0, Math.max(0, left));
    more += g.values.length - shown.length;
    left -= shown.length;
    if (shown.length) clauses.push(`${g.head} ${listWords(shown, "or")}`);
  }
  return clauses.join(" or ") + (more ? ` or ${more} other values` : "");
}
function coversEveryKey(candidates) {
  let map;
  let of = 0;
  const keys = /* @__PURE__ */ new Set();
  for (const assumptions of candidates) {
    const alternatives = assumptions.filter(isAlternative);
    const only = alternatives[0];
    if (alternatives.length !== 1 || only.kind !== "mapping-key") return void 0;
    if (map === void 0) ({ map, of } = only);
    else if (only.map !== map) return void 0;
    keys.add(only.key);
  }
  return map !== void 0 && keys.size === of ? map : void 0;
}
function describeAssumption(a) {
  if (a.kind === "parameter") {
    const value = JSON.stringify(valueText(a.value));
    const name = clip(a.name);
    if (a.source === "default") return `with parameter ${name} default ${value}`;
    if (a.source === "given") return `with parameter ${name} = ${value}`;
    return `when parameter ${name} is ${value}`;
  }
  if (a.kind === "condition") return `when condition ${clip(a.name)} is ${a.value}`;
  return `when the ${clip(a.map)} key is ${JSON.stringify(clip(a.key))}`;
}

// rules/security/cloudfront-viewer-policy-https.ts
var cloudfront_viewer_policy_https_default = defineRule({
  id: "cloudfront-viewer-policy-https",
  pillar: "security",
  level: "warning",
  title: "CloudFront requires HTTPS between viewers and edge",
  rationale: "With ViewerProtocolPolicy allow-all, CloudFront serves content over plain HTTP, so requests, cookies and responses can be read or altered by anyone on the network path between the viewer and the edge location.",
  remediation: "Set `ViewerProtocolPolicy` to `redirect-to-https` (or `https-only`) on the default cache behavior and on every entry of `CacheBehaviors`.\n\n```yaml\nDefaultCacheBehavior:\n  ViewerProtocolPolicy: redirect-to-https\n```",
  wellArchitected: ["SEC09-BP02"],
  securityHub: ["CloudFront.3"],
  securitySeverity: "6.5",
  appliesTo: ["AWS::CloudFront::Distribution"],
  peers: {
    // CKV_AWS_34: ViewerProtocolPolicy allow-all in the default or any cache behavior.
    checkov: ["CKV_AWS_34"],
    cfn_nag: [],
    cdk_nag: [],
    // CLOUDFRONT_VIEWER_POLICY_HTTPS: every behavior's ViewerProtocolPolicy is https-only or redirect-to-https.
    guard: ["CLOUDFRONT_VIEWER_POLICY_HTTPS"]
  },
  messages: {
    defaultBehavior: "CloudFront distribution {{logicalId}} serves its default cache behavior over plain HTTP: ViewerProtocolPolicy is allow-all.",
    cacheBehavior: "CloudFront distribution {{logicalId}} serves cache behavior {{pattern}} over plain HTTP: ViewerProtocolPolicy is allow-all."
  },
  check(distribution, ctx) {
    const config = ["Properties", "DistributionConfig"];
    const check = (policy, because, messageId, data) => {
      if (policy.kind === "absent") return;
      if (policy.kind === "unknown") {
        ctx.unknown(policy, "ViewerProtocolPolicy");
        return;
      }
      if (asString(policy)?.toLowerCase() !== "allow-all") return;
      ctx.report({
        messageId,
        at: policy,
        because,
        data,
        fix: { text: "redirect-to-https", description: "Redirect HTTP viewers to HTTPS" }
      });
    };
    for (const policy of ctx.value(distribution, [...config, "DefaultCacheBehavior", "ViewerProtocolPolicy"])) {
      check(policy, [], "defaultBehavior", {});
    }
    for (const behavior of ctx.items(distribution, [...config, "CacheBehaviors"])) {
      if (behavior.kind === "unknown") {
        ctx.unknown(behavior, "the cache behaviors");
        continue;
      }
      for (const [pattern, policy] of combinations([ctx.value(behavior, ["PathPattern"]), ctx.value(behavior, ["ViewerProtocolPolicy"])])) {
        const name = asString(pattern);
        check(policy, [pattern], "cacheBehavior", { pattern: name === void 0 ? "(path pattern not known)" : JSON.stringify(name) });
      }
    }
  }
});

// rules/security/ebs-volume-encrypted.ts
var MAPPINGS = {
  "AWS::EC2::LaunchTemplate": ["Properties", "LaunchTemplateData", "BlockDeviceMappings"],
  "AWS::AutoScaling::LaunchConfiguration": ["Properties", "BlockDeviceMappings"],
  "AWS::EC2::Instance": ["Properties", "BlockDeviceMappings"]
};
var ebs_volume_encrypted_default = defineRule({
  id: "ebs-volume-encrypted",
  pillar: "security",
  level: "error",
  title: "EBS volumes are encrypted at rest",
  rationale: "An unencrypted EBS volume, its snapshots and the data moving between it and the instance can be read by anyone who gets hold of a snapshot or the underlying storage. Encryption with KMS costs nothing in performance and protects all three.",
  remediation: "Set `Encrypted: true` on the volume or on each `Ebs` block device mapping (and optionally a customer managed `KmsKeyId`). An instance or launch template without `BlockDeviceMappings` gets its root volume from the AMI's snapshot: map the root device with `Encrypted: true`, or, if the account encrypts new EBS volumes by default, set the rule's `assumeAccountDefaultEncryption` option.\n\n```yaml\nBlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeType: gp3\n      Encrypted: true\n      KmsKeyId: !Ref EbsKey   # optional CMK\n```",
  wellArchitected: ["SEC08-BP02", "SEC08-BP01"],
  securityHub: ["EC2.3", "EC2.7"],
  securitySeverity: "5.5",
  appliesTo: ["AWS::EC2::Volume", ...Object.keys(MAPPINGS)],
  peers: {
    checkov: [
      { id: "CKV_AWS_3", resourceTypes: ["AWS::EC2::Volume"] },
      // Encrypted of a volume
      { id: "CKV_AWS_8", resourceTypes: ["AWS::AutoScaling::LaunchConfiguration"] }
      // every Ebs mapping encrypted; none fails
    ],
    // F1: a volume without Encrypted true. (W37 only asks for a KmsKeyId, which this rule does not require.)
    cfn_nag: [{ id: "F1", resourceTypes: ["AWS::EC2::Volume"] }],
    // EC26: volumes, instances and launch configurations, and launch templates through the instances and groups using them.
    cdk_nag: ["AwsSolutions-EC26"],
    guard: [
      { id: "EC2_EBS_ENCRYPTION_BY_DEFAULT", resourceTypes: ["AWS::EC2::Volume"] },
      // Encrypted true on volumes
      { id: "ENCRYPTED_VOLUMES", resourceTypes: ["AWS::EC2::Volume"] }
      // Encrypted true (or a KmsKeyId) on volumes
    ]
  },
  optionsSchema: {
    type: "object",
    properties: { assumeAccountDefaultEncryption: { type: "boolean" } },
    additionalProperties: false
  },
  defaultOptions: { assumeAccountDefaultEncryption: false },
  messages: {
    volume: "EBS volume {{logicalId}} is not encrypted: Encrypted is {{state}}.",
    mapping: "Block device {{device}} of {{logicalId}} is not encrypted: Encrypted is {{state}}{{users}}.",
    rootVolume: "The root volume of {{logicalId}} is not set to be encrypted: without BlockDeviceMappings it keeps the encryption of the AMI's snapshot, and public AMIs are unencrypted{{users}}."
  },
  check(resource, ctx) {
    if (resource.type === "AWS::EC2::Volume") {
      for (const [copy, snapshot, encrypted] of combinations([
        ctx.value(resource, ["Properties", "SourceVolumeId"]),
        ctx.value(resource, ["Properties", "SnapshotId"]),
        ctx.value(resource, ["Properties", "Encrypted"])
      ])) {
        if (isSet(copy)) continue;
        checkEncrypted(ctx, encrypted, snapshot, [copy], "volume", {});
      }
      return;
    }
    const users = launchTemplateUsers(resource, ctx);
    const mappings = MAPPINGS[resource.type];
    checkRootVolume(resource, ctx, mappings, users);
    for (const entry of ctx.items(resource, mappings)) {
      if (entry.kind !== "literal") continue;
      const [noDevice, virtualName, device] = ["NoDevice", "VirtualName", "DeviceName"].map((k) => ctx.value(entry, [k]));
      for (const [nd, vn, dev, snapshot, encrypted] of combinations([
        noDevice,
        virtualName,
        device,
        ctx.value(entry, ["Ebs", "SnapshotId"]),
        ctx.value(entry, ["Ebs", "Encrypted"])
      ])) {
        if (isSet(nd) || isSet(vn)) continue;
        const ebs = ctx.value(entry, ["Ebs"]);
        if (ebs.every((e) => e.kind === "absent")) continue;
        const name = dev.kind === "literal" ? valueText(dev.value) : "(unnamed)";
        checkEncrypted(ctx, encrypted, snapshot, [nd, vn, dev], "mapping", { device: name, users });
      }
    }
  }
});
function checkRootVolume(resource, ctx, mappings, users) {
  if (ctx.options.assumeAccountDefaultEncryption) return;
  if (resource.type === "AWS::EC2::Instance" && ctx.value(resource, ["Properties", "LaunchTemplate"]).some(isSet)) return;
  for (const list2 of ctx.value(resource, mappings)) {
    if (list2.kind === "unknown") ctx.unknown(list2, "BlockDeviceMappings");
    else if (list2.kind === "absent") ctx.report({ messageId: "rootVolume", at: list2, data: { users } });
  }
}
function checkEncrypted(ctx, encrypted, snapshot, because, messageId, data) {
  if (encrypted.kind === "unknown") {
    ctx.unknown(encrypted, "Encrypted");
    return;
  }
  const value = asBoolean(encrypted);
  if (value === true) return;
  if (encrypted.kind === "absent") {
    if (isSet(snapshot)) {
      ctx.unknown(snapshot, "the encryption inherited from the snapshot");
      return;
    }
    if (ctx.options.assumeAccountDefaultEncryption) return;
  }
  ctx.report({
    messageId,
    at: encrypted,
    because: [snapshot, ...because],
    data: { ...data, state: encrypted.kind === "absent" ? "not set (the default is unencrypted)" : valueText(encrypted.value) },
    fix: encrypted.kind === "literal" ? { text: "true", description: "Set Encrypted to true" } : void 0
  });
}
function launchTemplateUsers(resource, ctx) {
  if (resource.type === "AWS::EC2::Instance") return "";
  const groups = ctx.graph.referrers(resource.logicalId, "AWS::AutoScaling::AutoScalingGroup").map((r) => r.resource.logicalId);
  const unique2 = [...new Set(groups)];
  return unique2.length ? ` (used by ${named("Auto Scaling group", unique2)})` : "";
}

// rules/security/ec2-imdsv2-check.ts
var INSTANCE = "AWS::EC2::Instance";
var LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
var LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";
var OPTIONS = {
  [INSTANCE]: { path: ["Properties", "MetadataOptions"], image: ["Properties", "ImageId"], noun: "EC2 instance" },
  [LAUNCH_TEMPLATE]: {
    path: ["Properties", "LaunchTemplateData", "MetadataOptions"],
    image: ["Properties", "LaunchTemplateData", "ImageId"],
    noun: "Launch template"
  },
  [LAUNCH_CONFIGURATION]: { path: ["Properties", "MetadataOptions"], image: ["Properties", "ImageId"], noun: "Launch configuration" }
};
var IMDSV2_AMI_PARAMETER = /^\/aws\/service\/ami-amazon-linux-latest\/al2023-/;
var LAUNCHERS = {
  "AWS::AutoScaling::AutoScalingGroup": "Auto Scaling group",
  [INSTANCE]: "instance",
  "AWS::EKS::Nodegroup": "EKS node group",
  "AWS::EC2::EC2Fleet": "EC2 Fleet",
  "AWS::EC2::SpotFleet": "Spot Fleet",
  "AWS::Batch::ComputeEnvironment": "Batch compute environment"
};
var lower = (v) => asString(v)?.toLowerCase();
var ec2_imdsv2_check_default = defineRule({
  id: "ec2-imdsv2-check",
  pillar: "security",
  level: "warning",
  title: "EC2 instances require IMDSv2",
  rationale: "IMDSv1 answers any GET request from the instance, so a server-side request forgery or an open proxy in the application is enough to read the instance role credentials. IMDSv2 requires a session token obtained with a PUT request, which those attacks cannot send.",
  remediation: "Set `HttpTokens: required` in the metadata options of the instance, launch template or launch configuration (or disable the endpoint with `HttpEndpoint: disabled` if nothing on the instance uses it), and keep `HttpPutResponseHopLimit` at 1 unless containers on the instance need the metadata service (then 2).\n\n```yaml\nLaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: required\n    HttpPutResponseHopLimit: 1\n```",
  wellArchitected: ["SEC06-BP02", "SEC02-BP02"],
  securityHub: ["EC2.8", "AutoScaling.3"],
  securitySeverity: "7.0",
  appliesTo: Object.keys(OPTIONS),
  peers: {
    // CKV_AWS_79: MetadataOptions.HttpTokens required (or the endpoint disabled) in launch templates.
    checkov: [{ id: "CKV_AWS_79", resourceTypes: ["AWS::EC2::LaunchTemplate"] }],
    cfn_nag: [],
    // EC2IMDSv2Enabled (PCI DSS 4.0, NZISM packs): HttpTokens required on instances, or their launch template or configuration.
    cdk_nag: [{ id: "EC2IMDSv2Enabled", messages: ["optional", "notSet"] }]
  },
  messages: {
    optional: "{{noun}} {{logicalId}} allows IMDSv1: MetadataOptions.HttpTokens is optional{{users}}.",
    notSet: "{{noun}} {{logicalId}} does not require IMDSv2: MetadataOptions.HttpTokens is not set, which means optional unless the AMI is registered with ImdsSupport v2.0 or the account default requires tokens{{users}}.",
    hopLimit: "Launch configuration {{logicalId}} sets MetadataOptions.HttpPutResponseHopLimit to {{limit}}, so metadata tokens reach beyond the instance itself{{users}}."
  },
  check(resource, ctx) {
    const options = OPTIONS[resource.type].path;
    const inherited2 = resource.type === INSTANCE ? launchTemplateOf(resource, ctx) : void 0;
    const data = { noun: OPTIONS[resource.type].noun, users: usersOf(resource, ctx) };
    const images = ctx.value(resource, OPTIONS[resource.type].image);
    const imageDecides = images.some((image) => imdsV2Image(resource, image, ctx));
    for (const [tokens, endpoint, template, image] of combinations([
      ctx.value(resource, [...options, "HttpTokens"]),
      ctx.value(resource, [...options, "HttpEndpoint"]),
      resource.type === INSTANCE ? ctx.value(resource, ["Properties", "LaunchTemplate"]) : [absent()],
      imageDecides ? images : [absent()]
    ])) {
      if (lower(endpoint) === "disabled" || lower(tokens) === "required") continue;
      if (tokens.kind === "unknown") {
        ctx.unknown(tokens, "HttpTokens");
        continue;
      }
      if (endpoint.kind === "unknown") {
        ctx.unknown(endpoint, "HttpEndpoint");
        continue;
      }
      const value = lower(tokens);
      if (tokens.kind === "absent" && isSet(template)) {
        if (!inherited2) {
          ctx.unknown(variantWith(template, { kind: "unknown", reason: "in a launch template outside this template" }), "the metadata options inherited from the launch template");
        }
        continue;
      }
      if (tokens.kind === "literal" && value !== "optional") continue;
      if (tokens.kind === "absent" && imdsV2Image(resource, image, ctx)) continue;
      ctx.report({
        messageId: tokens.kind === "absent" ? "notSet" : "optional",
        at: tokens,
        because: [endpoint, template, image],
        data,
        fix: tokens.kind === "literal" ? { text: "required", description: "Require IMDSv2 session tokens" } : void 0
      });
    }
    if (resource.type !== LAUNCH_CONFIGURATION) return;
    for (const [limit, endpoint] of combinations([
      ctx.value(resource, [...options, "HttpPutResponseHopLimit"]),
      ctx.value(resource, [...options, "HttpEndpoint"])
    ])) {
      if (lower(endpoint) === "disabled" || limit.kind === "absent") continue;
      if (limit.kind === "unknown") {
        ctx.unknown(limit, "HttpPutResponseHopLimit");
        continue;
      }
      const hops = asNumber(limit);
      if (hops === void 0 || hops <= 1) continue;
      if (endpoint.kind === "unknown") {
        ctx.unknown(endpoint, "HttpEndpoint");
        continue;
      }
      ctx.report({
        messageId: "hopLimit",
        at: limit,
        because: [endpoint],
        // Two hops is what containers on the instance need: worth a look, not a warning.
        level: hops === 2 ? "note" : void 0,
        data: { ...data, limit: String(hops) },
        fix: { text: "1", description: "Limit metadata responses to the instance itself" }
      });
    }
  }
});
function imdsV2Image(resource, image, ctx) {
  if (image.kind !== "unknown" || image.external || image.ref) return false;
  let node = resource.node;
  for (const segment of image.path) node = isPlainObject2(node) || Array.isArray(node) ? node[segment] : void 0;
  let parameter;
  if (typeof node === "string") parameter = /^\{\{resolve:ssm:([^:}]+)/.exec(node.trim())?.[1];
  else if (isPlainObject2(node) && typeof node.Ref === "string") {
    const declared = ctx.template.parameters.get(node.Ref);
    if (declared?.type.startsWith("AWS::SSM::Parameter::Value") && typeof declared.default === "string") parameter = declared.default;
  }
  return parameter !== void 0 && IMDSV2_AMI_PARAMETER.test(parameter.trim());
}
function absent() {
  return absentVariant([], false, []);
}
function launchTemplateOf(instance, ctx) {
  const linked = ctx.graph.targets(instance.logicalId, LAUNCH_TEMPLATE).find(({ edge }) => edge.path[0] === "Properties" && edge.path[1] === "LaunchTemplate");
  if (linked) return linked.resource;
  for (const name of ctx.value(instance, ["Properties", "LaunchTemplate", "LaunchTemplateName"])) {
    const wanted = asString(name);
    if (wanted === void 0) continue;
    const match = ctx.graph.ofType(LAUNCH_TEMPLATE).find((lt) => ctx.value(lt, ["Properties", "LaunchTemplateName"]).some((n) => asString(n) === wanted));
    if (match) return match;
  }
  return void 0;
}
function usersOf(resource, ctx) {
  if (resource.type === INSTANCE) return "";
  const users = /* @__PURE__ */ new Set();
  for (const type in LAUNCHERS) for (const { resource: user } of ctx.graph.referrers(resource.logicalId, type)) users.add(user);
  const names = /* @__PURE__ */ new Set();
  if (users.size) {
    for (const user of ctx.template.resources.values()) if (users.has(user)) names.add(`${LAUNCHERS[user.type]} ${user.logicalId}`);
  }
  if (resource.type === LAUNCH_TEMPLATE) {
    for (const instance of ctx.graph.ofType(INSTANCE)) {
      if (launchTemplateOf(instance, ctx) === resource) names.add(`instance ${instance.logicalId}`);
    }
  }
  return names.size ? ` (used by ${listWords([...names])})` : "";
}

// src/rule-helpers/ingress.ts
var INGRESS_TYPES = ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"];
function isWorldCidr(cidr) {
  const [address, prefix] = cidr.trim().split("/");
  if (prefix === void 0 || Number(prefix) !== 0) return false;
  if (address.includes(":")) return address.split(":").every((group) => group === "" || /^0+$/.test(group));
  return /^0+\.0+\.0+\.0+$/.test(address);
}
var PROTOCOL_NAMES = { tcp: ["tcp", "6"], udp: ["udp", "17"] };
function coversPort(protocol, from, to, port, transport) {
  const p = asString(protocol)?.toLowerCase();
  if (p === void 0) return protocol.kind === "unknown" ? "unknown" : "no";
  if (p === "-1" || p === "all") return transport === "tcp" ? "yes" : "no";
  if (!PROTOCOL_NAMES[transport].includes(p)) return "no";
  const lo = asNumber(from);
  const hi = asNumber(to);
  if (lo === -1 || hi === -1) return "yes";
  if (lo === void 0 || hi === void 0) return from.kind === "unknown" || to.kind === "unknown" ? "unknown" : "no";
  return lo <= port && port <= hi ? "yes" : "no";
}
var entriesByRun = /* @__PURE__ */ new WeakMap();
function ingressEntries(resource, ctx) {
  let byResource = entriesByRun.get(ctx);
  if (!byResource) entriesByRun.set(ctx, byResource = /* @__PURE__ */ new Map());
  let entries = byResource.get(resource);
  if (entries) return entries;
  entries = [];
  const standalone = resource.type === "AWS::EC2::SecurityGroupIngress";
  const found = standalone ? ctx.value(resource, ["Properties"]) : ctx.items(resource, ["Properties", "SecurityGroupIngress"]);
  for (const entry of found) {
    if (entry.kind === "unknown") entries.push({ entry, groups: [], readings: [] });
    if (entry.kind !== "literal") continue;
    const field = (name) => ctx.value(entry, [name]);
    entries.push({
      entry,
      groups: standalone ? groupOf(resource, ctx) : [{ variant: entry, name: `security group ${resource.logicalId}` }],
      readings: combinations([field("IpProtocol"), field("FromPort"), field("ToPort"), field("CidrIp"), field("CidrIpv6")])
    });
  }
  byResource.set(resource, entries);
  return entries;
}
function worldOpenIngress(resource, ctx, port, what, transport = "tcp") {
  const found = [];
  const standalone = resource.type === "AWS::EC2::SecurityGroupIngress";
  for (const { entry, groups, readings } of ingressEntries(resource, ctx)) {
    if (entry.kind === "unknown") {
      if (transport === "tcp") ctx.unknown(entry, "the ingress rules");
      continue;
    }
    for (const [protocol, from, to, v4, v6] of readings) {
      const coverage = coversPort(protocol, from, to, port, transport);
      if (coverage === "no") continue;
      for (const cidr of [v4, v6]) {
        if (cidr.kind === "absent") continue;
        const text = asString(cidr);
        if (text === void 0) {
          ctx.unknown(cidr, `the source range of the ${what} ingress rule`);
          continue;
        }
        if (!isWorldCidr(text)) continue;
        if (coverage === "unknown") {
          ctx.unknown(protocol.kind === "unknown" ? protocol : from.kind === "unknown" ? from : to, `the ports of a world-open ingress rule`);
          continue;
        }
        for (const group of groups) {
          found.push({
            at: standalone ? cidr : entry,
            because: [protocol, from, to, cidr, group.variant],
            cidr: clip(text),
            group: group.name,
            standalone
          });
        }
      }
    }
  }
  return found;
}
function groupOf(ingress, ctx) {
  const byId = ctx.value(ingress, ["Properties", "GroupId"]);
  const byName = ctx.value(ingress, ["Properties", "GroupName"]);
  const out = [];
  for (const [id, name] of combinations([byId, byName])) {
    const v = id.kind !== "absent" ? id : name;
    if (v.ref) out.push({ variant: v, name: `security group ${v.ref.logicalId}` });
    else if (v.kind === "literal") out.push({ variant: v, name: `security group ${valueText(v.value)}` });
    else out.push({ variant: v, name: "a security group from outside this template" });
  }
  return out;
}

// rules/security/ec2-sg-rdp-restricted.ts
var RDP = 3389;
var ec2_sg_rdp_restricted_default = defineRule({
  id: "ec2-sg-rdp-restricted",
  pillar: "security",
  level: "error",
  title: "Security groups do not allow RDP (3389) from the whole internet",
  rationale: "Remote Desktop open to 0.0.0.0/0 or ::/0 lets anyone on the internet reach the Windows logon of every instance in the group, a constant target of password spraying and RDP exploits. Remote administration should come only from known networks.",
  remediation: "Allow 3389 only from a bastion or admin security group, a VPN or office range, or a managed prefix list; or remove the rule and use AWS Systems Manager Session Manager / Fleet Manager for remote access.\n\n```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 3389\n    ToPort: 3389\n    SourceSecurityGroupId: !Ref BastionSecurityGroup\n```",
  wellArchitected: ["SEC05-BP02", "SEC05-BP01"],
  securityHub: ["EC2.19", "EC2.14"],
  securitySeverity: "8.6",
  appliesTo: INGRESS_TYPES,
  peers: {
    // Each of these flags RDP reachable from the whole internet (some more: any port, any port of a list).
    checkov: ["CKV_AWS_25"],
    // ingress from 0.0.0.0/0 or ::/0 to port 3389
    cfn_nag: ["W2"],
    // any ingress open to the world
    cdk_nag: ["AwsSolutions-EC23", "EC2RestrictedCommonPorts"],
    // any /0 ingress; /0 to 20, 21, 3389, 3306, ...
    guard: [
      "EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE",
      // any ingress from 0.0.0.0/0 or ::/0
      { id: "RESTRICTED_INCOMING_TRAFFIC", resourceTypes: ["AWS::EC2::SecurityGroup"] }
      // inline ingress to 20, 21, 3389, 3306, 4333
    ]
  },
  messages: {
    inline: "The {{group}} allows {{service}} from {{cidr}}.",
    standalone: "Ingress rule {{logicalId}} opens {{service}} of {{group}} to {{cidr}}."
  },
  check(resource, ctx) {
    const report2 = (f, service) => ctx.report({
      messageId: f.standalone ? "standalone" : "inline",
      at: f.at,
      because: f.because,
      data: { group: f.group, cidr: f.cidr, service }
    });
    for (const f of worldOpenIngress(resource, ctx, RDP, "RDP")) report2(f, "RDP (port 3389)");
    for (const f of worldOpenIngress(resource, ctx, RDP, "RDP (UDP)", "udp")) report2(f, "RDP over UDP (port 3389)");
  }
});

// rules/security/ec2-sg-ssh-restricted.ts
var ec2_sg_ssh_restricted_default = defineRule({
  id: "ec2-sg-ssh-restricted",
  pillar: "security",
  level: "error",
  title: "Security groups do not allow SSH (22) from the whole internet",
  rationale: "SSH open to 0.0.0.0/0 or ::/0 exposes every instance in the group to internet-wide scanning and password or key attacks. Administrative access should come from a known network, or not over SSH at all.",
  remediation: "Restrict the source to your admin network or VPN range, or remove the rule and use AWS Systems Manager Session Manager.\n\n```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.0.0.0/16   # admin network / VPN\n```",
  wellArchitected: ["SEC05-BP02", "SEC05-BP01"],
  securityHub: ["EC2.19", "EC2.13"],
  securitySeverity: "8.6",
  appliesTo: INGRESS_TYPES,
  peers: {
    // Each of these flags SSH reachable from the whole internet (some more: any port).
    checkov: ["CKV_AWS_24"],
    // ingress from 0.0.0.0/0 or ::/0 to port 22
    cfn_nag: ["W2"],
    // any ingress open to the world
    cdk_nag: ["AwsSolutions-EC23", "EC2RestrictedSSH"],
    // any /0 ingress; /0 ingress whose ports include 22
    guard: [
      "EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE",
      // any ingress from 0.0.0.0/0 or ::/0
      { id: "INCOMING_SSH_DISABLED", resourceTypes: ["AWS::EC2::SecurityGroup"] }
      // inline tcp 22 from 0.0.0.0/0
    ]
  },
  messages: {
    inline: "The {{group}} allows SSH (port 22) from {{cidr}}.",
    standalone: "Ingress rule {{logicalId}} opens SSH (port 22) of {{group}} to {{cidr}}."
  },
  check(resource, ctx) {
    for (const f of worldOpenIngress(resource, ctx, 22, "SSH")) {
      ctx.report({
        messageId: f.standalone ? "standalone" : "inline",
        at: f.at,
        because: f.because,
        data: { group: f.group, cidr: f.cidr }
      });
    }
  }
});

// rules/security/elb-listener-https-enforced.ts
var LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
var LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";
var CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer";
var ELBV2 = "AWS::ElasticLoadBalancingV2::LoadBalancer";
var upper = (v) => asString(v)?.toUpperCase();
var elb_listener_https_enforced_default = defineRule({
  id: "elb-listener-https-enforced",
  pillar: "security",
  level: "warning",
  title: "Load balancer listeners serve HTTPS or redirect HTTP to HTTPS",
  rationale: "A listener that serves plain HTTP (or TCP) sends requests, session cookies and responses unencrypted between clients and the load balancer. Serving HTTPS, and answering HTTP only with a redirect to HTTPS, keeps that traffic encrypted in transit.",
  remediation: "On Application Load Balancers, keep port 80 only as a listener whose default action redirects to HTTPS, and serve the application from an HTTPS listener with a certificate; move listener rules that forward to the HTTPS listener. On Classic Load Balancers, use HTTPS or SSL listeners with an `SSLCertificateId`.\n\n```yaml\nHttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref Alb\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}\n```",
  wellArchitected: ["SEC09-BP02"],
  securityHub: ["ELB.1", "ELB.3"],
  securitySeverity: "6.5",
  appliesTo: [LISTENER, LISTENER_RULE, CLASSIC],
  peers: {
    // Listeners only: none of them reads listener rules. cdk-nag's ELB5 / ELBTlsHttpsListenersOnly are left out: they
    // check that HTTPS and SSL listeners keep HTTPS/SSL to the instances, not plain-HTTP listeners.
    checkov: [{ id: "CKV_AWS_2", resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"] }],
    // HTTP unless redirecting to HTTPS
    cfn_nag: [{ id: "W56", resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"] }],
    // any HTTP listener
    cdk_nag: [{ id: "ALBHttpToHttpsRedirection", resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"] }],
    // HTTP without a redirect to HTTPS
    guard: [
      { id: "ELBV2_LISTENER_PROTOCOL_RULE", resourceTypes: ["AWS::ElasticLoadBalancingV2::Listener"] },
      // any HTTP listener
      { id: "ELB_TLS_HTTPS_LISTENERS_ONLY", messages: ["classic"] }
      // every Classic listener HTTPS or SSL
    ]
  },
  messages: {
    forward: "HTTP listener {{logicalId}} on {{loadBalancer}} forwards requests over plain HTTP instead of redirecting them to HTTPS.",
    fixedResponse: "HTTP listener {{logicalId}} on {{loadBalancer}} answers plain-HTTP requests with a fixed {{status}} response instead of redirecting them to HTTPS.",
    redirectNotHttps: "HTTP listener {{logicalId}} on {{loadBalancer}} redirects without switching to HTTPS: RedirectConfig.Protocol is {{state}}.",
    ruleForward: "Listener rule {{logicalId}} forwards requests that arrive over plain HTTP on listener {{listener}} ({{loadBalancer}}).",
    classic: "Classic load balancer {{logicalId}} ({{scheme}}) has an unencrypted {{protocol}} listener on port {{port}}."
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC) return checkClassic(resource, ctx);
    if (resource.type === LISTENER) {
      for (const http of httpListener(resource, ctx)) {
        for (const action of ctx.items(resource, ["Properties", "DefaultActions"])) checkDefaultAction(action, http, ctx);
      }
      return;
    }
    for (const arn of ctx.value(resource, ["Properties", "ListenerArn"])) {
      const listener = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
      if (!listener || listener.type !== LISTENER) {
        if (arn.kind !== "absent") {
          const outside = arn.kind === "unknown" ? arn : variantWith(arn, { kind: "unknown", reason: "a listener outside this template" });
          ctx.unknown(outside, "the protocol of the listener");
        }
        continue;
      }
      for (const http of httpListener(listener, ctx)) {
        for (const action of ctx.items(resource, ["Properties", "Actions"])) {
          for (const type of ctx.value(action, ["Type"])) {
            if (type.kind === "unknown") {
              ctx.unknown(type, "the action type");
              continue;
            }
            if (asString(type)?.toLowerCase() !== "forward") continue;
            ctx.report({
              messageId: "ruleForward",
              at: type,
              because: [arn, ...http.because],
              level: http.internal ? "note" : void 0,
              data: { listener: listener.logicalId, loadBalancer: http.name }
            });
          }
        }
      }
    }
  }
});
function httpListener(listener, ctx) {
  const out = [];
  for (const [protocol, arn] of combinations([
    ctx.value(listener, ["Properties", "Protocol"]),
    ctx.value(listener, ["Properties", "LoadBalancerArn"])
  ])) {
    if (protocol.kind === "unknown") {
      ctx.unknown(protocol, "the listener protocol");
      continue;
    }
    if (upper(protocol) !== "HTTP") continue;
    for (const owner of ownerOf(arn, ctx)) {
      out.push({ ...owner, because: [protocol, arn, ...owner.because] });
    }
  }
  return out.sort((a, b) => Number(a.internal) - Number(b.internal));
}
function ownerOf(arn, ctx) {
  const lb = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
  if (!lb || lb.type !== ELBV2) return [{ name: "a load balancer from outside this template", internal: false, because: [] }];
  const out = [];
  for (const [type, scheme] of combinations([ctx.value(lb, ["Properties", "Type"]), ctx.value(lb, ["Properties", "Scheme"])])) {
    const kind2 = asString(type)?.toLowerCase();
    if (kind2 === "network" || kind2 === "gateway") continue;
    const s = asString(scheme)?.toLowerCase();
    const internal = s === "internal";
    const word = internal ? "internal " : scheme.kind === "unknown" ? "" : "internet-facing ";
    out.push({ name: `${word}load balancer ${lb.logicalId}`, internal, because: [type, scheme] });
  }
  return out;
}
function checkDefaultAction(action, http, ctx) {
  const data = { loadBalancer: http.name };
  const level = http.internal ? "note" : void 0;
  for (const [type, redirect, status] of combinations([
    ctx.value(action, ["Type"]),
    ctx.value(action, ["RedirectConfig", "Protocol"]),
    ctx.value(action, ["FixedResponseConfig", "StatusCode"])
  ])) {
    if (type.kind === "unknown") {
      ctx.unknown(type, "the default action type");
      continue;
    }
    const kind2 = asString(type)?.toLowerCase();
    if (kind2 === "forward") {
      ctx.report({ messageId: "forward", at: type, because: http.because, level, data });
    } else if (kind2 === "redirect") {
      if (redirect.kind === "unknown") {
        ctx.unknown(redirect, "the redirect protocol");
        continue;
      }
      if (upper(redirect) === "HTTPS") continue;
      ctx.report({
        messageId: "redirectNotHttps",
        at: redirect,
        because: [type, ...http.because],
        level,
        data: { ...data, state: redirect.kind === "absent" ? "not set (the default #{protocol} keeps HTTP)" : valueText(redirect.value) },
        fix: redirect.kind === "literal" ? { text: "HTTPS", description: "Redirect to HTTPS" } : void 0
      });
    } else if (kind2 === "fixed-response") {
      if (status.kind === "unknown") {
        ctx.unknown(status, "the fixed-response status code");
        continue;
      }
      const code = asNumber(status);
      if (code === void 0 || code >= 400 && code < 500) continue;
      ctx.report({ messageId: "fixedResponse", at: status, because: [type, ...http.because], level, data: { ...data, status: String(code) } });
    }
  }
}
function checkClassic(lb, ctx) {
  const schemes = [...ctx.value(lb, ["Properties", "Scheme"])].sort(
    (a, b) => Number(asString(a)?.toLowerCase() === "internal") - Number(asString(b)?.toLowerCase() === "internal")
  );
  for (const listener of ctx.items(lb, ["Properties", "Listeners"])) {
    if (listener.kind === "unknown") {
      ctx.unknown(listener, "the listeners");
      continue;
    }
    for (const [protocol, port, scheme] of combinations([ctx.value(listener, ["Protocol"]), ctx.value(listener, ["LoadBalancerPort"]), schemes])) {
      if (protocol.kind === "unknown") {
        ctx.unknown(protocol, "the listener protocol");
        continue;
      }
      const p = upper(protocol);
      if (p !== "HTTP" && p !== "TCP") continue;
      const internal = asString(scheme)?.toLowerCase() === "internal";
      ctx.report({
        messageId: "classic",
        at: protocol,
        because: [port, scheme],
        level: internal ? "note" : void 0,
        data: {
          scheme: internal ? "internal" : scheme.kind === "unknown" ? "scheme not known" : "internet-facing",
          protocol: p,
          port: asString(port) ?? "(not known)"
        }
      });
    }
  }
}

// rules/security/iam-policy-no-statements-with-admin-access.ts
var PARTITION = "${AWS::Partition}";
var ADMIN_ARN = /^arn:([a-z0-9-]+|\$\{AWS::Partition\}):iam::aws:policy\/AdministratorAccess$/;
var TYPE_WORDS = {
  "AWS::IAM::Role": "role",
  "AWS::IAM::User": "user",
  "AWS::IAM::Group": "group",
  "AWS::IAM::Policy": "policy",
  "AWS::IAM::ManagedPolicy": "managed policy",
  "AWS::Serverless::Function": "function"
};
var iam_policy_no_statements_with_admin_access_default = defineRule({
  id: "iam-policy-no-statements-with-admin-access",
  pillar: "security",
  level: "error",
  title: "IAM policies do not grant full administrative access",
  rationale: "A statement that allows every action on every resource makes its holder an administrator of the account: one leaked credential or one exploited function is then enough to read every secret, delete every resource and create new users.",
  remediation: 'Replace `Action: "*"` (or `NotAction`) on `Resource: "*"` with the actions and resources the principal needs, and detach `AdministratorAccess`; grant broad access only to break-glass roles outside application templates.\n\n```yaml\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, s3:PutObject]\n    Resource: !Sub \'${DataBucket.Arn}/*\'\n```',
  wellArchitected: ["SEC03-BP02"],
  securityHub: ["IAM.1"],
  securitySeverity: "8.6",
  appliesTo: Object.keys(TYPE_WORDS),
  peers: {
    checkov: [
      // CKV_AWS_62: Action "*" on Resource "*"; CKV_AWS_63: Action "*" on any resource. Inline policies and AWS::IAM::Policy.
      { id: "CKV_AWS_62", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy"] },
      { id: "CKV_AWS_63", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy"] }
    ],
    cfn_nag: [
      // Allowed "*" (or "service:*") actions: F3 in a role's policies, F4 in a policy, F5 in a managed policy.
      { id: "F3", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Role"] },
      { id: "F4", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Policy"] },
      { id: "F5", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::ManagedPolicy"] },
      // Allow with NotAction: W15 role, W16 policy, W17 managed policy.
      { id: "W15", messages: ["notAction"], resourceTypes: ["AWS::IAM::Role"] },
      { id: "W16", messages: ["notAction"], resourceTypes: ["AWS::IAM::Policy"] },
      { id: "W17", messages: ["notAction"], resourceTypes: ["AWS::IAM::ManagedPolicy"] },
      // W43: a role with the managed AdministratorAccess policy; not an inline statement.
      { id: "W43", messages: ["adminManaged"], resourceTypes: ["AWS::IAM::Role"] }
    ],
    cdk_nag: [
      // IAM5: any "*" in a policy document; IAM4: any AWS managed policy attached to a user, role or group.
      { id: "AwsSolutions-IAM5", messages: ["allActions", "allActionsUnderConditions", "notAction"], resourceTypes: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"] },
      { id: "AwsSolutions-IAM4", messages: ["adminManaged"], resourceTypes: ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"] },
      // Action "*", Allow, Resource "*" in policies, managed policies and the inline policies of roles and groups.
      { id: "IAMPolicyNoStatementsWithAdminAccess", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Role", "AWS::IAM::Group", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"] }
    ],
    guard: [
      { id: "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", messages: ["allActions", "allActionsUnderConditions"], resourceTypes: ["AWS::IAM::Policy"] },
      { id: "IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE", messages: ["adminManaged"], resourceTypes: ["AWS::IAM::Role"] },
      // Allow with NotAction in a PolicyDocument property: policies and managed policies (roles have none of their own).
      { id: "IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION", messages: ["notAction"], resourceTypes: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"] }
    ]
  },
  messages: {
    allActions: 'Statement {{statement}} in {{where}} allows every action ("*") on every resource ("*"): full administrator access.',
    allActionsUnderConditions: 'Statement {{statement}} in {{where}} allows every action ("*") on every resource ("*"), under conditions ({{conditions}}).',
    notAction: 'Statement {{statement}} in {{where}} allows every action outside its NotAction list on every resource ("*").',
    adminManaged: "{{kind}} {{logicalId}} attaches the AWS managed policy AdministratorAccess{{arn}}."
  },
  check(resource, ctx) {
    const word = TYPE_WORDS[resource.type];
    const kind2 = word[0].toUpperCase() + word.slice(1);
    switch (resource.type) {
      case "AWS::IAM::Policy":
      case "AWS::IAM::ManagedPolicy":
        for (const doc of ctx.value(resource, ["Properties", "PolicyDocument"])) {
          checkDocument(ctx, resource, doc, `${word} ${resource.logicalId}`);
        }
        return;
      case "AWS::Serverless::Function":
        checkSamPolicies(resource, ctx, kind2);
        return;
      default:
        for (const policy of ctx.items(resource, ["Properties", "Policies"])) {
          if (policy.kind === "unknown") {
            ctx.unknown(policy, "an inline policy");
            continue;
          }
          if (policy.kind !== "literal") continue;
          for (const [name, doc] of combinations([ctx.value(policy, ["PolicyName"]), ctx.value(policy, ["PolicyDocument"])])) {
            const label = asString(name);
            const where = `inline policy ${label !== void 0 ? JSON.stringify(clip(label)) : "(unnamed)"} of ${word} ${resource.logicalId}`;
            checkDocument(ctx, resource, doc, where);
          }
        }
        for (const arn of ctx.items(resource, ["Properties", "ManagedPolicyArns"])) checkManagedArn(resource, ctx, arn, kind2);
    }
  }
});
function checkSamPolicies(fn, ctx, kind2) {
  const where = (i) => `${i === void 0 ? "the policy" : `policy ${i + 1}`} of function ${fn.logicalId}`;
  for (const policies of ctx.value(fn, ["Properties", "Policies"])) {
    if (policies.kind === "absent") continue;
    if (policies.kind === "unknown") {
      ctx.unknown(policies, "Policies");
      continue;
    }
    if (!Array.isArray(policies.value)) {
      checkSamEntry(fn, ctx, policies, kind2, where());
      continue;
    }
    policies.value.forEach((_, i) => {
      for (const entry of ctx.value(policies, [i])) checkSamEntry(fn, ctx, entry, kind2, where(i));
    });
  }
}
function checkSamEntry(fn, ctx, entry, kind2, where) {
  if (entry.kind === "unknown") {
    checkManagedArn(fn, ctx, entry, kind2);
    return;
  }
  if (entry.kind !== "literal") return;
  if (typeof entry.value === "string") {
    checkManagedArn(fn, ctx, entry, kind2);
    return;
  }
  if (isPlainObject2(entry.value) && "Statement" in entry.value) checkDocument(ctx, fn, entry, where);
}
function checkManagedArn(resource, ctx, arn, kind2) {
  if (arn.kind === "absent") return;
  let text = asString(arn);
  if (arn.kind === "unknown") {
    if (arn.ref) return;
    text = withPartitionPlaceholder(resource, arn);
    if (text === void 0) {
      ctx.unknown(arn, "a managed policy ARN");
      return;
    }
  }
  if (text === void 0) return;
  const isAdmin = ADMIN_ARN.test(text) || resource.type === "AWS::Serverless::Function" && text === "AdministratorAccess";
  if (isAdmin) ctx.report({ messageId: "adminManaged", at: arn, data: { kind: kind2, arn: text === "AdministratorAccess" ? "" : ` (${valueText(text)})` } });
}
function withPartitionPlaceholder(resource, arn) {
  if (arn.external) return void 0;
  const node = valueAt(resource.node, arn.path);
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) return void 0;
  const partition = (part) => {
    if (typeof part === "string") return part;
    const inner = intrinsicOf(part);
    return inner?.name === "Ref" && inner.args === "AWS::Partition" ? PARTITION : void 0;
  };
  if (intrinsic.name === "Fn::Sub" && typeof intrinsic.args === "string") {
    const parts = parseSubString(intrinsic.args).map((p) => typeof p === "string" ? p : p.name === "AWS::Partition" && !p.attribute ? PARTITION : void 0);
    return parts.every((p) => p !== void 0) ? parts.join("") : void 0;
  }
  if (intrinsic.name === "Fn::Join" && Array.isArray(intrinsic.args) && intrinsic.args[0] === "" && Array.isArray(intrinsic.args[1])) {
    const parts = intrinsic.args[1].map(partition);
    return parts.every((p) => p !== void 0) ? parts.join("") : void 0;
  }
  return void 0;
}
var MARKER = (name) => `\uE000${name}\uE001`;
var MARKERS = /\uE000([^\uE000\uE001]*)\uE001/g;
function subTemplate(resource, doc) {
  if (doc.external) return void 0;
  const intrinsic = intrinsicOf(valueAt(resource.node, doc.path));
  if (intrinsic?.name !== "Fn::Sub") return void 0;
  const args = intrinsic.args;
  const text = typeof args === "string" ? args : Array.isArray(args) && typeof args[0] === "string" ? args[0] : void 0;
  if (text === void 0) return void 0;
  return parseSubString(text).map((p) => typeof p === "string" ? p : MARKER(p.attribute ? `${p.name}.${p.attribute}` : p.name)).join("");
}
function checkDocument(ctx, resource, doc, where) {
  let text;
  if (doc.kind === "unknown") {
    text = subTemplate(resource, doc);
    if (text === void 0) {
      ctx.unknown(doc, "the policy document");
      return;
    }
  } else if (doc.kind === "literal" && typeof doc.value === "string") {
    text = doc.value;
  } else if (doc.kind !== "literal") {
    return;
  }
  let document = doc;
  if (text !== void 0) {
    try {
      document = variantWith(doc, { kind: "literal", value: JSON.parse(text), external: true });
    } catch {
      if (doc.kind === "unknown") ctx.unknown(doc, "the policy document");
      return;
    }
  }
  for (const statements of ctx.value(document, ["Statement"])) {
    if (statements.kind === "unknown") {
      ctx.unknown(statements, "the policy statements");
      continue;
    }
    if (statements.kind !== "literal") continue;
    if (Array.isArray(statements.value)) {
      statements.value.forEach((_, i) => {
        for (const statement of ctx.value(statements, [i])) checkStatement(ctx, statement, where, i + 1);
      });
    } else {
      checkStatement(ctx, statements, where, 1);
    }
  }
}
function stars(ctx, value) {
  if (value.kind === "unknown") return value.ref ? { hits: [] } : { hits: [], unknown: value };
  if (value.kind !== "literal") return { hits: [] };
  const out = { hits: [] };
  const elements = Array.isArray(value.value) ? ctx.items(value, []) : [value];
  for (const element of elements) {
    const text = asString(element);
    if (element.kind === "unknown" && !element.ref) out.unknown ??= element;
    else if (text?.trim() === "*") out.hits.push(element);
    else if (text !== void 0 && text.includes("\uE000") && text.replace(MARKERS, "").trim() === "") {
      out.unknown ??= variantWith(element, { kind: "unknown", value: void 0, reason: `Fn::Sub over ${text.replace(MARKERS, "$${$1}").trim()}` });
    }
  }
  return out;
}
function checkStatement(ctx, statement, where, index) {
  if (statement.kind === "unknown") {
    ctx.unknown(statement, "a policy statement");
    return;
  }
  if (statement.kind !== "literal" || !isPlainObject2(statement.value)) return;
  const field = (name) => ctx.value(statement, [name]);
  for (const [sid, effect, action, notAction, resource, condition] of combinations([
    field("Sid"),
    field("Effect"),
    field("Action"),
    field("NotAction"),
    field("Resource"),
    field("Condition")
  ])) {
    if (effect.kind === "unknown" || asString(effect)?.includes("\uE000")) {
      ctx.unknown(variantWith(effect, { kind: "unknown", reason: effect.reason ?? "a ${...} of Fn::Sub text" }), "the Effect of a policy statement");
      continue;
    }
    if (asString(effect) !== "Allow") continue;
    const name = asString(sid);
    const data = { statement: name ? JSON.stringify(clip(name)) : String(index), where };
    const byNotAction = isSet(notAction);
    const actions = byNotAction ? { hits: [notAction] } : stars(ctx, action);
    const resources = stars(ctx, resource);
    if (actions.hits.length === 0 || resources.hits.length === 0) {
      const couldBeAdmin = (actions.hits.length > 0 || actions.unknown) && (resources.hits.length > 0 || resources.unknown);
      if (couldBeAdmin) {
        if (actions.hits.length === 0) ctx.unknown(actions.unknown, "the Action of an Allow statement");
        else ctx.unknown(resources.unknown, "the Resource of an Allow statement");
      }
      continue;
    }
    const conditions = !byNotAction ? conditionKeys(condition) : void 0;
    for (const [a, r] of combinations([actions.hits, resources.hits])) {
      ctx.report({
        messageId: byNotAction ? "notAction" : conditions ? "allActionsUnderConditions" : "allActions",
        at: a,
        because: [effect, r, sid, condition],
        data: conditions ? { ...data, conditions } : data
      });
    }
  }
}
function conditionKeys(condition) {
  if (condition.kind === "absent") return void 0;
  if (condition.kind !== "literal" || !isPlainObject2(condition.value)) return "not known before deployment";
  const parts = [];
  for (const [operator, keys] of Object.entries(condition.value)) {
    const names = isPlainObject2(keys) ? Object.keys(keys) : [];
    parts.push(names.length ? names.map((k) => `${operator} ${k}`).join(", ") : operator);
  }
  return parts.length ? parts.join(", ") : void 0;
}

// rules/security/rds-instance-public-access-check.ts
var ABSENT = absentVariant(["Properties"], false, []);
var rds_instance_public_access_check_default = defineRule({
  id: "rds-instance-public-access-check",
  pillar: "security",
  level: "error",
  title: "RDS instances are not publicly accessible",
  rationale: "A publicly accessible database gets a public DNS name and IP address, so its security groups are the only thing between it and internet-wide scanning and credential attacks. Applications reach databases from inside the VPC.",
  remediation: "Set `PubliclyAccessible: false` and place the database in a DB subnet group of private subnets (no route to an internet gateway). Reach it from outside through a bastion, Session Manager or a VPN.\n\n```yaml\nPubliclyAccessible: false\nDBSubnetGroupName: !Ref PrivateDbSubnetGroup\n```",
  wellArchitected: ["SEC05-BP01", "SEC05-BP02", "SEC03-BP07"],
  securityHub: ["RDS.2"],
  securitySeverity: "9.1",
  appliesTo: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
  peers: {
    // DB instances only. CKV_AWS_17 fails only PubliclyAccessible true; the others also an unset one.
    checkov: [{ id: "CKV_AWS_17", messages: ["public"], resourceTypes: ["AWS::RDS::DBInstance"] }],
    cfn_nag: [{ id: "F22", resourceTypes: ["AWS::RDS::DBInstance"] }],
    cdk_nag: [{ id: "RDSInstancePublicAccess", resourceTypes: ["AWS::RDS::DBInstance"] }],
    guard: [{ id: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", resourceTypes: ["AWS::RDS::DBInstance"] }]
  },
  messages: {
    public: "{{kind}} {{logicalId}} is publicly accessible: PubliclyAccessible is {{state}}.",
    defaultVpc: "{{kind}} {{logicalId}} sets neither PubliclyAccessible nor DBSubnetGroupName, so it is created in the default VPC, where it is publicly accessible by default.",
    internetGateway: "{{kind}} {{logicalId}} does not set PubliclyAccessible and its subnet group {{subnetGroup}} is in VPC {{vpc}}, which has an internet gateway, so it may be created publicly accessible."
  },
  check(db, ctx) {
    const cluster = db.type === "AWS::RDS::DBCluster";
    const kind2 = cluster ? "DB cluster" : "DB instance";
    const prop = (name) => ctx.value(db, ["Properties", name]);
    for (const [access, group, engine, member, instanceClass, source] of combinations([
      prop("PubliclyAccessible"),
      prop("DBSubnetGroupName"),
      prop("Engine"),
      cluster ? [ABSENT] : prop("DBClusterIdentifier"),
      cluster ? prop("DBClusterInstanceClass") : [ABSENT],
      cluster ? [ABSENT] : prop("SourceDBInstanceIdentifier")
    ])) {
      if (cluster && !isSet(instanceClass)) continue;
      if (access.kind === "unknown") {
        ctx.unknown(access, "PubliclyAccessible");
        continue;
      }
      const because = [group, engine, member, instanceClass, source];
      if (access.kind === "literal") {
        if (asBoolean(access) === true) {
          ctx.report({
            messageId: "public",
            at: access,
            because,
            data: { kind: kind2, state: valueText(access.value) },
            fix: { text: "false", description: "Set PubliclyAccessible to false" }
          });
        }
        continue;
      }
      let groups = isSet(group) ? [{ group, at: group, owner: "" }] : [];
      if (groups.length === 0 && isSet(member)) {
        groups = inherited(ctx, member, "AWS::RDS::DBCluster", "cluster");
        if (groups.length === 0) continue;
      } else if (groups.length === 0 && isSet(source)) {
        groups = inherited(ctx, source, "AWS::RDS::DBInstance", "source instance");
        if (groups.length === 0) {
          const reason = source.ref ? `inherited from source ${source.ref.logicalId}, which has no subnet group` : "inherited from a source instance outside this template";
          ctx.unknown(variantWith(source, { kind: "unknown", reason }), "the default of PubliclyAccessible");
          continue;
        }
      }
      if (groups.length === 0) {
        if (!cluster) {
          if (engine.kind === "unknown") {
            ctx.unknown(engine, "the engine");
            continue;
          }
          if ((asString(engine) ?? "").toLowerCase().startsWith("aurora")) continue;
        }
        ctx.report({ messageId: "defaultVpc", at: access, because, data: { kind: kind2 } });
        continue;
      }
      for (const { group: g, at, owner } of groups) {
        const gateway = internetGatewayOf(ctx, g);
        if (!gateway) continue;
        ctx.report({
          messageId: "internetGateway",
          level: "note",
          at,
          because: [access, g, ...because],
          data: { kind: kind2, vpc: gateway.vpc, subnetGroup: owner ? `${gateway.subnetGroup} (of its ${owner})` : gateway.subnetGroup }
        });
      }
    }
  }
});
function inherited(ctx, ref, type, owner) {
  const target = ref.ref && ctx.template.resources.get(ref.ref.logicalId);
  if (!target || target.type !== type) return [];
  return ctx.value(target, ["Properties", "DBSubnetGroupName"]).filter(isSet).map((group) => ({ group, at: ref, owner: `${owner} ${target.logicalId}` }));
}
function internetGatewayOf(ctx, group) {
  const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
  if (!subnetGroup || subnetGroup.type !== "AWS::RDS::DBSubnetGroup") return void 0;
  const vpcs = /* @__PURE__ */ new Set();
  for (const subnet of ctx.items(subnetGroup, ["Properties", "SubnetIds"])) {
    const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
    if (!resource || resource.type !== "AWS::EC2::Subnet") continue;
    for (const vpc of ctx.value(resource, ["Properties", "VpcId"])) if (vpc.ref) vpcs.add(vpc.ref.logicalId);
  }
  for (const vpc of vpcs) {
    for (const { resource: attachment } of ctx.graph.referrers(vpc, "AWS::EC2::VPCGatewayAttachment", ["Properties", "VpcId"])) {
      if (ctx.value(attachment, ["Properties", "InternetGatewayId"]).some(isSet)) {
        return { subnetGroup: subnetGroup.logicalId, vpc };
      }
    }
  }
  return void 0;
}

// rules/security/rds-storage-encrypted.ts
var ABSENT2 = absentVariant(["Properties"], false, []);
var INHERITED_FROM = {
  "AWS::RDS::DBInstance": {
    SourceDBInstanceIdentifier: "the source instance of the read replica",
    DBSnapshotIdentifier: "the snapshot it is restored from",
    SourceDBClusterIdentifier: "the source cluster of the read replica",
    // Point-in-time restores name their source these ways too.
    SourceDbiResourceId: "the instance it is restored from",
    SourceDBInstanceAutomatedBackupsArn: "the automated backups it is restored from"
  },
  "AWS::RDS::DBCluster": {
    SnapshotIdentifier: "the snapshot it is restored from",
    SourceDBClusterIdentifier: "the source cluster it is cloned or restored from"
  }
};
var rds_storage_encrypted_default = defineRule({
  id: "rds-storage-encrypted",
  pillar: "security",
  level: "error",
  title: "RDS instances and clusters encrypt storage",
  rationale: "Without storage encryption, the database volumes, automated backups, snapshots and read replicas are stored in the clear. Encryption can only be chosen when the database is created, so a forgotten flag means a migration later.",
  remediation: "Set `StorageEncrypted: true` (and optionally a customer managed `KmsKeyId`). On an existing database this replaces it: restore an encrypted copy of a snapshot instead.\n\n```yaml\nStorageEncrypted: true\nKmsKeyId: !Ref DbKey   # optional; encryption can only be set at creation (replacement)\n```",
  wellArchitected: ["SEC08-BP02"],
  securityHub: ["RDS.3", "RDS.27"],
  securitySeverity: "5.5",
  appliesTo: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
  peers: {
    // StorageEncrypted not true: each id for the type it reads.
    checkov: [
      { id: "CKV_AWS_16", resourceTypes: ["AWS::RDS::DBInstance"] },
      { id: "CKV_AWS_96", resourceTypes: ["AWS::RDS::DBCluster"] }
    ],
    cfn_nag: [
      { id: "F26", resourceTypes: ["AWS::RDS::DBCluster"] },
      { id: "F27", resourceTypes: ["AWS::RDS::DBInstance"] }
    ],
    cdk_nag: ["AwsSolutions-RDS2", "RDSStorageEncrypted"],
    // instances and clusters
    guard: [{ id: "RDS_STORAGE_ENCRYPTED", resourceTypes: ["AWS::RDS::DBInstance"] }]
  },
  messages: {
    unencrypted: "{{kind}} {{logicalId}} does not encrypt its storage: StorageEncrypted is {{state}}.",
    keyWithoutEncryption: "{{kind}} {{logicalId}} sets KmsKeyId but not StorageEncrypted, which CloudFormation rejects; the storage would not be encrypted."
  },
  check(db, ctx) {
    const cluster = db.type === "AWS::RDS::DBCluster";
    const kind2 = cluster ? "DB cluster" : "DB instance";
    const prop = (name) => ctx.value(db, ["Properties", name]);
    const sources = Object.entries(INHERITED_FROM[db.type]);
    for (const [member, engine, mode, encrypted, key, ...origins] of combinations([
      cluster ? [ABSENT2] : prop("DBClusterIdentifier"),
      cluster ? [ABSENT2] : prop("Engine"),
      cluster ? prop("EngineMode") : [ABSENT2],
      prop("StorageEncrypted"),
      prop("KmsKeyId"),
      ...sources.map(([name]) => prop(name))
    ])) {
      if (isSet(member)) continue;
      if (encrypted.kind === "unknown") {
        ctx.unknown(encrypted, "StorageEncrypted");
        continue;
      }
      if (asBoolean(encrypted) === true) continue;
      if (encrypted.kind === "literal" && asBoolean(encrypted) === void 0) continue;
      if (mode.kind === "unknown") {
        ctx.unknown(mode, "EngineMode");
        continue;
      }
      if (asString(mode)?.toLowerCase() === "serverless") continue;
      if (engine.kind === "unknown") {
        ctx.unknown(engine, "the engine");
        continue;
      }
      if (asString(engine)?.toLowerCase().startsWith("aurora")) continue;
      const because = [member, engine, mode, key, ...origins];
      if (encrypted.kind === "absent") {
        const origin = origins.findIndex((o) => isSet(o));
        if (origin >= 0) {
          ctx.unknown({ ...origins[origin], kind: "unknown", reason: `inherited from ${sources[origin][1]}` }, "StorageEncrypted");
          continue;
        }
        if (isSet(key)) {
          ctx.report({ messageId: "keyWithoutEncryption", at: key, because: [encrypted, ...because], data: { kind: kind2 } });
          continue;
        }
      }
      ctx.report({
        messageId: "unencrypted",
        at: encrypted,
        because,
        data: { kind: kind2, state: encrypted.kind === "absent" ? "not set (the default is unencrypted)" : valueText(encrypted.value) },
        fix: encrypted.kind === "literal" ? { text: "true", description: "Set StorageEncrypted to true" } : void 0
      });
    }
  }
});

// rules/security/s3-bucket-level-public-access-prohibited.ts
var FLAGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];
var s3_bucket_level_public_access_prohibited_default = defineRule({
  id: "s3-bucket-level-public-access-prohibited",
  pillar: "security",
  level: "error",
  title: "S3 bucket Block Public Access stays on",
  rationale: "Block Public Access is the guard that keeps a bucket private when an ACL or bucket policy grants access to everyone by mistake. Turning any of its four settings off lets one wrong grant expose the objects to the internet.",
  remediation: "Leave `PublicAccessBlockConfiguration` out (new buckets block public access by default) or set all four flags to true. Serve public content through CloudFront with Origin Access Control instead of a public bucket.\n\n```yaml\nPublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true\n```",
  wellArchitected: ["SEC03-BP07", "SEC08-BP04"],
  securityHub: ["S3.8"],
  securitySeverity: "7.5",
  appliesTo: ["AWS::S3::Bucket"],
  peers: {
    // checkov checks one flag each: an id covers a finding about that flag alone; the four together cover any.
    checkov: [
      { id: "CKV_AWS_53", properties: ["Properties.PublicAccessBlockConfiguration.BlockPublicAcls"] },
      { id: "CKV_AWS_54", properties: ["Properties.PublicAccessBlockConfiguration.BlockPublicPolicy"] },
      { id: "CKV_AWS_55", properties: ["Properties.PublicAccessBlockConfiguration.IgnorePublicAcls"] },
      { id: "CKV_AWS_56", properties: ["Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets"] },
      { id: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"] }
    ],
    cfn_nag: [],
    // All four flags true (a missing block fails too).
    cdk_nag: ["AwsSolutions-S2", "S3BucketLevelPublicAccessProhibited"],
    guard: ["S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"]
  },
  messages: {
    disabled: "Bucket {{logicalId}} turns Block Public Access off: {{flags}}.",
    website: "Website bucket {{logicalId}} turns Block Public Access off ({{flags}}); serve the site through CloudFront with Origin Access Control and keep Block Public Access on."
  },
  check(bucket, ctx) {
    for (const [block, website] of combinations([
      ctx.value(bucket, ["Properties", "PublicAccessBlockConfiguration"]),
      ctx.value(bucket, ["Properties", "WebsiteConfiguration"])
    ])) {
      if (block.kind === "absent") continue;
      if (block.kind === "unknown") {
        ctx.unknown(block, "PublicAccessBlockConfiguration");
        continue;
      }
      for (const flags of combinations(FLAGS.map((name) => ctx.value(block, [name])))) {
        const off = [];
        let unknown;
        flags.forEach((flag2, i) => {
          if (flag2.kind === "unknown") unknown ??= flag2;
          else if (flag2.kind === "absent" || asBoolean(flag2) === false) off.push({ name: FLAGS[i], variant: flag2 });
        });
        if (off.length === 0) {
          if (unknown) ctx.unknown(unknown, "a Block Public Access setting");
          continue;
        }
        const single = off.length === 1 ? off[0] : void 0;
        const hosting = isSet(website);
        ctx.report({
          messageId: hosting ? "website" : "disabled",
          level: hosting ? "note" : void 0,
          // The one flag that is off (its nearest node when missing), or the block when several are.
          at: single ? single.variant : block,
          because: [...flags, website],
          data: {
            flags: off.map((o) => `${o.name} is ${o.variant.kind === "absent" ? "not set (false in a declared block)" : valueText(o.variant.value)}`).join(", ")
          },
          fix: single?.variant.kind === "literal" ? { text: "true", description: `Set ${single.name} to true` } : void 0
        });
      }
    }
  }
});

// rules/security/vpc-flow-logs-enabled.ts
var VPC = "AWS::EC2::VPC";
var FLOW_LOG = "AWS::EC2::FlowLog";
var MAX_CASES = 32;
var vpc_flow_logs_enabled_default = defineRule({
  id: "vpc-flow-logs-enabled",
  pillar: "security",
  level: "warning",
  title: "Every VPC has a flow log",
  rationale: "Without a flow log there is no record of which addresses talked to which, on which ports, or which connections the security groups and network ACLs rejected; investigating an incident or debugging connectivity then has nothing to start from.",
  remediation: "Add an `AWS::EC2::FlowLog` for the VPC that records all traffic (`TrafficType: ALL`) to CloudWatch Logs or S3. If flow logs are created outside this template, set the rule option `assumeFlowLogsExternal`.\n\n```yaml\nVpcFlowLog:\n  Type: AWS::EC2::FlowLog\n  Properties:\n    ResourceId: !Ref Vpc\n    ResourceType: VPC\n    TrafficType: ALL\n    LogDestinationType: cloud-watch-logs\n    LogGroupName: !Ref FlowLogGroup\n    DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn\n```",
  wellArchitected: ["SEC04-BP01", "REL06-BP01", "OPS08-BP02"],
  securityHub: ["EC2.6"],
  securitySeverity: "4.0",
  appliesTo: [VPC, FLOW_LOG],
  tags: ["operational-excellence"],
  peers: {
    checkov: [],
    // A VPC without a flow log that references it (subnet flow logs do not count); not the TrafficType of a flow log.
    cfn_nag: [{ id: "W60", messages: ["noFlowLog", "partial"] }],
    cdk_nag: [
      { id: "AwsSolutions-VPC7", messages: ["noFlowLog", "partial"] },
      { id: "VPCFlowLogsEnabled", messages: ["noFlowLog", "partial"] }
    ]
  },
  optionsSchema: {
    type: "object",
    properties: { assumeFlowLogsExternal: { type: "boolean" } },
    additionalProperties: false
  },
  defaultOptions: { assumeFlowLogsExternal: false },
  messages: {
    noFlowLog: "VPC {{logicalId}} has no flow log: no AWS::EC2::FlowLog in this template has ResourceType VPC and a ResourceId referencing it.",
    partial: "VPC {{logicalId}} has flow logs only on {{covered}}, so traffic elsewhere in the VPC is not recorded.",
    acceptOnly: "Flow log {{logicalId}} records only accepted traffic (TrafficType ACCEPT), so rejected connection attempts are not logged."
  },
  check(resource, ctx) {
    if (resource.type === FLOW_LOG) {
      for (const traffic of ctx.value(resource, ["Properties", "TrafficType"])) {
        if (traffic.kind === "unknown") {
          ctx.unknown(traffic, "TrafficType");
          continue;
        }
        if (asString(traffic)?.toUpperCase() !== "ACCEPT") continue;
        ctx.report({
          messageId: "acceptOnly",
          at: traffic,
          level: "note",
          fix: { text: "ALL", description: "Record all traffic" }
        });
      }
      return;
    }
    if (ctx.options.assumeFlowLogsExternal) return;
    const coverage = coverageOf(resource, "VPC", ctx);
    for (const root of ctx.value(resource, [])) {
      for (const uncovered of uncoveredCases(root.assumptions, coverage, ctx)) {
        const when = absentVariant([], false, uncovered);
        const partial = partialCoverage(resource, uncovered, ctx);
        if (partial === "all") continue;
        if (partial) ctx.report({ messageId: "partial", because: [when], level: "note", data: { covered: partial } });
        else ctx.report({ messageId: "noFlowLog", because: [when] });
      }
    }
  }
});
function coverageOf(target, kind2, ctx) {
  const out = [];
  for (const { resource: flowLog } of ctx.graph.referrers(target.logicalId, FLOW_LOG, ["Properties", "ResourceId"])) {
    for (const [id, type] of combinations([
      ctx.value(flowLog, ["Properties", "ResourceId"]),
      ctx.value(flowLog, ["Properties", "ResourceType"])
    ])) {
      if (id.ref?.logicalId !== target.logicalId) continue;
      if (type.kind !== "unknown" && asString(type)?.toLowerCase() !== kind2.toLowerCase()) continue;
      const merged = mergeAssumptions(id.assumptions, type.assumptions);
      if (merged) out.push(merged);
    }
  }
  return out;
}
function uncoveredCases(base, coverage, ctx) {
  const choices = [];
  for (const c of coverage) {
    if (!mergeAssumptions(base, c)) continue;
    const own = c.filter((a) => !base.some((b) => JSON.stringify(a) === JSON.stringify(b)));
    const negations = own.flatMap((a) => negate(a, ctx));
    if (negations.length === 0) return [];
    choices.push(negations);
  }
  let cases = [base];
  for (const options of choices) {
    const next = [];
    for (const prefix of cases) {
      for (const option of options) {
        const merged = mergeAssumptions(prefix, [option]);
        if (merged && next.length < MAX_CASES) next.push(merged);
      }
    }
    cases = next;
  }
  const distinct = /* @__PURE__ */ new Map();
  for (const c of cases) distinct.set(c.map((a) => JSON.stringify(a)).sort().join("|"), c);
  return [...distinct.values()];
}
function negate(a, ctx) {
  if (a.kind === "condition") return [{ ...a, value: !a.value }];
  if (a.kind !== "parameter" || a.source === "given") return [];
  const param = ctx.template.parameters.get(a.name);
  if (!param) return [];
  const others = (param.allowedValues ?? []).filter((v) => String(v) !== String(a.value) && String(v) !== String(param.default)).map((value) => ({ kind: "parameter", name: a.name, value, source: "allowed" }));
  if (a.source === "allowed" && param.default !== void 0 && param.default !== null && String(param.default) !== String(a.value)) {
    others.unshift({ kind: "parameter", name: a.name, value: param.default, source: "default" });
  }
  return others;
}
function partialCoverage(vpc, when, ctx) {
  const holds = (cases) => cases.some((c) => mergeAssumptions(when, c) !== void 0);
  const exists = (r) => holds(ctx.value(r, []).map((root) => root.assumptions));
  const subnets = unique(ctx.graph.referrers(vpc.logicalId, "AWS::EC2::Subnet", ["Properties", "VpcId"])).filter(exists);
  const covered = subnets.filter((s) => holds(coverageOf(s, "Subnet", ctx)));
  if (subnets.length > 0 && covered.length === subnets.length) return "all";
  const interfaces = subnets.flatMap((s) => unique(ctx.graph.referrers(s.logicalId, "AWS::EC2::NetworkInterface", ["Properties", "SubnetId"]))).filter((eni) => exists(eni) && holds(coverageOf(eni, "NetworkInterface", ctx)));
  const parts = [];
  if (covered.length) parts.push(`${named("subnet", covered.map((s) => s.logicalId))} (${covered.length} of ${subnets.length})`);
  if (interfaces.length) parts.push(named("network interface", interfaces.map((e) => e.logicalId)));
  return parts.length ? parts.join(" and ") : void 0;
}
function unique(found) {
  return [...new Set(found.map((f) => f.resource))];
}

// rules/reliability/autoscaling-elb-health-check.ts
function attached(list2) {
  if (list2.kind === "absent") return false;
  if (list2.kind === "literal") return !Array.isArray(list2.value) || list2.value.length > 0;
  return true;
}
var autoscaling_elb_health_check_default = defineRule({
  id: "autoscaling-elb-health-check",
  pillar: "reliability",
  level: "warning",
  title: "Auto Scaling groups behind a load balancer use ELB health checks",
  rationale: "With the default EC2 health check, Auto Scaling only replaces instances whose status checks fail. An instance whose application has stopped answering keeps receiving traffic from the load balancer and is never replaced.",
  remediation: "Set `HealthCheckType: ELB` and a grace period long enough for an instance to boot.\n\n```yaml\nHealthCheckType: ELB\nHealthCheckGracePeriod: 300\nTargetGroupARNs: [!Ref WebTargetGroup]\n```",
  wellArchitected: ["REL11-BP03", "REL11-BP01"],
  securityHub: ["AutoScaling.1"],
  appliesTo: ["AWS::AutoScaling::AutoScalingGroup"],
  tags: ["operational-excellence"],
  peers: {
    checkov: [],
    cfn_nag: [],
    cdk_nag: [
      // AS2: HealthCheckType ELB without HealthCheckGracePeriod. Not the health check type itself.
      { id: "AwsSolutions-AS2", messages: ["noGracePeriod"] },
      // A group with target groups or classic load balancers whose HealthCheckType is not ELB (older packs spell it Autoscaling).
      { id: "AutoScalingGroupELBHealthCheckRequired", messages: ["ec2Only"] },
      { id: "AutoscalingGroupELBHealthCheckRequired", messages: ["ec2Only"] }
    ],
    guard: [{ id: "AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED", messages: ["ec2Only"] }]
  },
  messages: {
    ec2Only: "Auto Scaling group {{logicalId}} is attached to a load balancer but uses {{state}}, so instances that fail the load balancer health check are not replaced.",
    noGracePeriod: "Auto Scaling group {{logicalId}} uses ELB health checks without HealthCheckGracePeriod (default 0 s), so booting instances can be replaced before they are ready.",
    targetGroupDisabled: "Target group {{targetGroup}} of Auto Scaling group {{logicalId}} has HealthCheckEnabled set to false, so the ELB health check never fails."
  },
  check(group, ctx) {
    const prop = (name) => ctx.value(group, ["Properties", name]);
    for (const [targetGroups, classic, sources, type, grace] of combinations([
      prop("TargetGroupARNs"),
      prop("LoadBalancerNames"),
      prop("TrafficSources"),
      prop("HealthCheckType"),
      prop("HealthCheckGracePeriod")
    ])) {
      const lists = [targetGroups, classic, sources];
      if (!lists.some(attached)) continue;
      if (type.kind === "unknown") {
        ctx.unknown(type, "HealthCheckType");
        continue;
      }
      const types = (asString(type) ?? "").split(",").map((t) => t.trim().toUpperCase());
      if (type.kind === "absent" || !types.includes("ELB")) {
        ctx.report({
          messageId: "ec2Only",
          at: type,
          because: lists,
          data: { state: type.kind === "absent" ? "the default EC2 health check (HealthCheckType not set)" : `HealthCheckType ${valueText(asString(type))}` },
          fix: type.kind === "literal" && asString(type)?.toUpperCase() === "EC2" ? { text: "ELB", description: "Use ELB health checks" } : void 0
        });
        continue;
      }
      if (grace.kind === "absent") ctx.report({ messageId: "noGracePeriod", at: grace, because: [type, ...lists] });
    }
    const targets = [
      ...ctx.items(group, ["Properties", "TargetGroupARNs"]),
      ...ctx.items(group, ["Properties", "TrafficSources"]).flatMap(
        (source) => combinations([ctx.value(source, ["Type"]), ctx.value(source, ["Identifier"])]).filter(([t]) => t.kind === "absent" || asString(t) === "elbv2").map(([, id]) => id)
      )
    ];
    for (const target of targets) {
      const resource = target.ref && ctx.template.resources.get(target.ref.logicalId);
      if (!resource || resource.type !== "AWS::ElasticLoadBalancingV2::TargetGroup") continue;
      for (const enabled of ctx.value(resource, ["Properties", "HealthCheckEnabled"])) {
        if (asBoolean(enabled) === false) {
          ctx.report({ messageId: "targetGroupDisabled", at: target, because: [enabled], data: { targetGroup: resource.logicalId } });
        }
      }
    }
  }
});

// src/rule-helpers/availability.ts
function zoneLabel(zone) {
  if (zone.opaque) {
    const match = /^az:(\d+)$/.exec(zone.opaque);
    if (!match) return zone.opaque;
    const n = Number(match[1]) + 1;
    const suffix = n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th";
    return `the ${n}${suffix} zone of Fn::GetAZs`;
  }
  const text = asString(zone);
  return text === void 0 ? void 0 : clip(text);
}
function zoneKey(zone) {
  if (zone.opaque) return `opaque:${zone.opaque}`;
  const text = asString(zone);
  return text === void 0 ? void 0 : `zone:${text}`;
}
function maybeSeveral(element, ctx) {
  if (element.ref) return !isSubnetRef(element, ctx);
  const origin = element.origin;
  if (origin?.kind === "intrinsic") return origin.name === "Fn::Join" || origin.name === "Fn::Sub";
  if (origin?.kind !== "parameter") return false;
  const type = ctx.template.parameters.get(origin.name)?.type ?? "";
  return type.includes("List<") || type === "CommaDelimitedList";
}
function isSubnetRef(element, ctx) {
  const target = element.ref && ctx.template.resources.get(element.ref.logicalId);
  return target?.type === "AWS::EC2::Subnet" && (element.ref.attribute === void 0 || element.ref.attribute === "SubnetId");
}
function subnetsOf(element, ctx) {
  if (element.kind === "absent") return [];
  if (element.ref) {
    const subnet = ctx.template.resources.get(element.ref.logicalId);
    const name = element.ref.logicalId;
    if (!subnet || !isSubnetRef(element, ctx)) {
      return [{ key: `ref:${name}.${element.ref.attribute ?? ""}`, name, element, maybeSeveral: maybeSeveral(element, ctx) }];
    }
    return [{ key: `ref:${name}`, name, element, zones: subnetZones(subnet, ctx) }];
  }
  if (element.kind === "literal") {
    const values = Array.isArray(element.value) ? element.value : [element.value];
    return values.flatMap((v) => typeof v === "string" ? v.split(",") : [String(v)]).map((s) => s.trim()).filter(Boolean).map((id) => ({ key: `id:${id}`, name: clip(id), element }));
  }
  return [{
    key: `unknown:${element.path.join("/")}:${element.reason ?? ""}`,
    name: "a subnet from outside this template",
    element,
    maybeSeveral: maybeSeveral(element, ctx)
  }];
}
function subnetZones(subnet, ctx) {
  const out = [];
  for (const [az, azId] of combinations([
    ctx.value(subnet, ["Properties", "AvailabilityZone"]),
    ctx.value(subnet, ["Properties", "AvailabilityZoneId"])
  ])) {
    const chosen = az.kind !== "absent" ? az : azId;
    if (chosen.kind === "absent") {
      out.push(variantWith(chosen, { kind: "unknown", reason: `the zone AWS picks for subnet ${subnet.logicalId}` }));
    } else out.push(chosen);
  }
  return out;
}
function perIndex(list2, ctx) {
  const items = list2.value;
  return items.map((_, i) => ctx.value(list2, [i]));
}
function autoScalingZones(group, ctx) {
  const out = [];
  const prop = (name) => ctx.value(group, ["Properties", name]);
  for (const [subnets, azs, azIds] of combinations([prop("VPCZoneIdentifier"), prop("AvailabilityZones"), prop("AvailabilityZoneIds")])) {
    const [source, value] = subnets.kind !== "absent" ? ["VPCZoneIdentifier", subnets] : azs.kind !== "absent" ? ["AvailabilityZones", azs] : ["AvailabilityZoneIds", azIds];
    if (value.kind === "absent") {
      out.push({ kind: "none", variant: value });
      continue;
    }
    if (value.kind === "unknown") {
      out.push({ kind: "unknown", variant: value, what: source });
      continue;
    }
    if (source === "VPCZoneIdentifier") out.push(...subnetOutcomes(value, ctx, [azs, azIds]));
    else out.push(...zoneListOutcomes(value, source, ctx));
  }
  return out;
}
function subnetOutcomes(list2, ctx, context) {
  const out = [];
  const worlds = Array.isArray(list2.value) ? combinations(perIndex(list2, ctx)) : [[list2]];
  for (const elements of worlds) {
    const entries = /* @__PURE__ */ new Map();
    for (const element of elements) for (const entry of subnetsOf(element, ctx)) if (!entries.has(entry.key)) entries.set(entry.key, entry);
    const subnets = [...entries.values()];
    if (subnets.length === 0) continue;
    const base = [...elements, ...context];
    if (subnets.length === 1 && subnets[0].maybeSeveral) {
      out.push({ kind: "unknown", variant: subnets[0].element, what: "the subnets of VPCZoneIdentifier" });
      continue;
    }
    if (subnets.length === 1) {
      const zones = subnets[0].zones ?? [];
      const resolved = zones.length === 1 ? zoneLabel(zones[0]) : void 0;
      out.push({
        kind: "zones",
        source: "VPCZoneIdentifier",
        at: list2,
        because: zones.length === 1 ? [...base, zones[0]] : base,
        zones: resolved ? [resolved] : [],
        subnets: [subnets[0].name]
      });
      continue;
    }
    const unseen = subnets.filter((s) => !s.zones);
    const zoneLists = subnets.filter((s) => s.zones).map((s) => s.zones);
    for (const combo of combinations([...base.map((v) => [v]), ...zoneLists])) {
      const zones = combo.slice(base.length);
      const keys = /* @__PURE__ */ new Map();
      const unknownZones = [];
      for (const z of zones) {
        const key = zoneKey(z);
        if (key === void 0) unknownZones.push(z);
        else if (!keys.has(key)) keys.set(key, zoneLabel(z));
      }
      if (keys.size < 2 && (unseen.length > 0 || unknownZones.length > 0)) {
        const owner = unknownZones.length ? subnets.find((s) => s.zones?.includes(unknownZones[0])) : void 0;
        const reason = owner ? `the zone of subnet ${owner.name}: ${unknownZones[0].reason ?? "a value that is not known"}` : unseen[0].element.kind === "unknown" ? `${unseen[0].element.reason ?? "a value that is not known"} (a subnet whose zone this template does not show)` : `subnet ${unseen[0].name}, which is not declared in this template`;
        const blame = owner?.element ?? unseen[0]?.element ?? list2;
        const assumptions = mergeAssumptionLists(combo.map(assumptionsOf)) ?? blame.assumptions;
        out.push({ kind: "unknown", variant: variantWith(blame, { kind: "unknown", reason, assumptions }), what: "the Availability Zones of VPCZoneIdentifier" });
        continue;
      }
      out.push({
        kind: "zones",
        source: "VPCZoneIdentifier",
        at: list2,
        because: combo,
        zones: [...keys.values()],
        subnets: subnets.map((s) => s.name)
      });
    }
  }
  return out;
}
function zoneListOutcomes(list2, source, ctx) {
  if (!Array.isArray(list2.value)) return [{ kind: "unknown", variant: variantWith(list2, { kind: "unknown", reason: "not a list" }), what: source }];
  const out = [];
  for (const zones of combinations(perIndex(list2, ctx))) {
    const present = zones.filter((z) => z.kind !== "absent");
    if (present.length === 0) continue;
    const keys = /* @__PURE__ */ new Map();
    const unknown = present.filter((z) => zoneKey(z) === void 0);
    for (const z of present) {
      const key = zoneKey(z);
      if (key !== void 0 && !keys.has(key)) keys.set(key, zoneLabel(z));
    }
    if (present.length > 1 && keys.size < 2 && unknown.length > 0) {
      out.push({ kind: "unknown", variant: unknown[0], what: `an entry of ${source}` });
      continue;
    }
    out.push({ kind: "zones", source, at: list2, because: zones, zones: [...keys.values()], subnets: [] });
  }
  return out;
}
function attachesLoadBalancer(list2) {
  if (list2.kind === "absent") return false;
  if (list2.kind === "literal") return !Array.isArray(list2.value) || list2.value.length > 0;
  return true;
}
function loadBalancerLists(group, ctx) {
  return ["TargetGroupARNs", "LoadBalancerNames", "TrafficSources"].map((name) => ctx.value(group, ["Properties", name]));
}

// rules/reliability/autoscaling-multiple-az.ts
var autoscaling_multiple_az_default = defineRule({
  id: "autoscaling-multiple-az",
  pillar: "reliability",
  level: "warning",
  title: "Auto Scaling groups span at least two Availability Zones",
  rationale: "An Auto Scaling group confined to one Availability Zone loses every instance when that zone is impaired, and it has nowhere else to launch replacements. Spread over several zones, it rebalances and keeps serving from the healthy ones. This holds for single-instance groups too: with two zones, a replacement can start in the other zone.",
  remediation: 'List subnets in at least two Availability Zones in `VPCZoneIdentifier` (or at least two zones in `AvailabilityZones`, for example `!GetAZs ""`).\n\n```yaml\nVPCZoneIdentifier:\n  - !Ref PrivateSubnetA   # ap-northeast-2a\n  - !Ref PrivateSubnetC   # ap-northeast-2c\n```',
  wellArchitected: ["REL10-BP01", "REL11-BP02"],
  securityHub: ["AutoScaling.2"],
  appliesTo: ["AWS::AutoScaling::AutoScalingGroup"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    singleSubnet: "Auto Scaling group {{logicalId}} launches into a single subnet, {{subnet}}{{zone}}, so all its instances run in one Availability Zone.",
    subnetsOneZone: "Auto Scaling group {{logicalId}} launches into subnets {{subnets}}, which are all in one Availability Zone ({{zone}}).",
    singleZone: "Auto Scaling group {{logicalId}} is limited to one Availability Zone ({{zone}}) by {{property}}."
  },
  check(group, ctx) {
    for (const outcome of autoScalingZones(group, ctx)) {
      if (outcome.kind === "none") {
        ctx.unknown(outcome.variant, "the Availability Zones (neither VPCZoneIdentifier nor AvailabilityZones is set)");
        continue;
      }
      if (outcome.kind === "unknown") {
        ctx.unknown(outcome.variant, outcome.what);
        continue;
      }
      if (outcome.zones.length >= 2) continue;
      const zone = outcome.zones[0];
      if (outcome.source !== "VPCZoneIdentifier") {
        ctx.report({
          messageId: "singleZone",
          at: outcome.at,
          because: outcome.because,
          data: { zone: zone ?? "a single entry", property: outcome.source }
        });
      } else if (outcome.subnets.length === 1) {
        ctx.report({
          messageId: "singleSubnet",
          at: outcome.at,
          because: outcome.because,
          data: { subnet: outcome.subnets[0], zone: zone ? ` in ${zone}` : "" }
        });
      } else {
        ctx.report({
          messageId: "subnetsOneZone",
          at: outcome.at,
          because: outcome.because,
          data: { subnets: listWords(outcome.subnets), zone }
        });
      }
    }
  }
});

// rules/reliability/ec2-placement-group-not-cluster.ts
var PLACEMENT_GROUP = "AWS::EC2::PlacementGroup";
var ASG = "AWS::AutoScaling::AutoScalingGroup";
var INSTANCE2 = "AWS::EC2::Instance";
var LAUNCH_TEMPLATE2 = "AWS::EC2::LaunchTemplate";
var GROUP_PATH = {
  [ASG]: ["Properties", "PlacementGroup"],
  [INSTANCE2]: ["Properties", "PlacementGroupName"],
  [LAUNCH_TEMPLATE2]: ["Properties", "LaunchTemplateData", "Placement", "GroupName"]
};
var ec2_placement_group_not_cluster_default = defineRule({
  id: "ec2-placement-group-not-cluster",
  pillar: "reliability",
  level: "note",
  title: "Cluster placement groups are flagged for single-AZ availability risk",
  rationale: "A cluster placement group packs its instances close together in one Availability Zone, often on the same rack, for low-latency networking. One zone or rack failure then takes every instance down, so it suits tightly coupled HPC jobs but not workloads that must stay available.",
  remediation: "Use the `spread` or `partition` strategy for workloads that must survive hardware or zone failures; keep `cluster` only for tightly coupled HPC and accept the single-zone risk (and then do not give the group subnets in other zones).\n\n```yaml\nPlacementGroup:\n  Type: AWS::EC2::PlacementGroup\n  Properties:\n    Strategy: spread   # or partition; keep cluster only for tightly coupled HPC and accept single-AZ risk\n```",
  wellArchitected: ["REL10-BP01", "REL10-BP03"],
  appliesTo: [PLACEMENT_GROUP, ASG, INSTANCE2, LAUNCH_TEMPLATE2],
  tags: ["performance-efficiency"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    cluster: "{{what}} is placed in cluster placement group {{group}}, which keeps its instances in one Availability Zone and largely one rack: a single failure there takes them all down.",
    clusterMultiAz: "Auto Scaling group {{asg}}{{via}} lists subnets in {{zones}} Availability Zones but is placed in cluster placement group {{group}}, which lives in one zone: launches in the other zones fail.",
    clusterLoadBalanced: "{{what}} serves a load balancer but is placed in cluster placement group {{group}}, so one zone or rack failure takes every target down.",
    unusedCluster: "Placement group {{logicalId}} uses the cluster strategy: every instance launched into it shares one Availability Zone and largely one rack."
  },
  check(resource, ctx) {
    if (resource.type === PLACEMENT_GROUP) {
      checkStandaloneGroup(resource, ctx);
      return;
    }
    for (const group of ctx.value(resource, GROUP_PATH[resource.type])) {
      if (group.kind === "absent") continue;
      const pg = group.ref && ctx.template.resources.get(group.ref.logicalId);
      if (!pg || pg.type !== PLACEMENT_GROUP) {
        const reason = group.kind === "literal" ? `placement group ${valueText(asString(group) ?? "?")}, which is not declared in this template` : group.reason;
        ctx.unknown(variantWith(group, { kind: "unknown", reason }), "the placement group strategy");
        continue;
      }
      for (const strategy of ctx.value(pg, ["Properties", "Strategy"])) {
        if (!isCluster(strategy, group, ctx)) continue;
        reportWorkload(resource, group, strategy, pg.logicalId, ctx);
      }
    }
  }
});
function isCluster(strategy, at, ctx) {
  if (strategy.kind === "absent") {
    ctx.unknown(variantWith(at, { reason: "not set, and the API default is not documented", assumptions: mergeAssumptions(at.assumptions, strategy.assumptions) ?? at.assumptions }), "the placement strategy");
    return false;
  }
  if (strategy.kind === "unknown") {
    ctx.unknown(variantWith(at, { kind: "unknown", reason: strategy.reason, assumptions: mergeAssumptions(at.assumptions, strategy.assumptions) ?? at.assumptions }), "the placement strategy");
    return false;
  }
  return asString(strategy)?.toLowerCase() === "cluster";
}
function reportWorkload(resource, group, strategy, pgId, ctx) {
  const data = { group: pgId };
  if (resource.type === ASG) {
    if (reportAsg(resource, group, [strategy], "", ctx)) return;
    ctx.report({ messageId: "cluster", at: group, because: [strategy], data: { ...data, what: `Auto Scaling group ${resource.logicalId}` } });
    return;
  }
  if (resource.type === INSTANCE2) {
    const balanced = servesLoadBalancer(resource, ctx);
    ctx.report({
      messageId: balanced ? "clusterLoadBalanced" : "cluster",
      level: balanced ? "warning" : void 0,
      at: group,
      because: [strategy],
      data: { ...data, what: `Instance ${resource.logicalId}` }
    });
    return;
  }
  const users = ctx.graph.referrers(resource.logicalId, ASG).map((r) => r.resource);
  const unique2 = [...new Map(users.map((u) => [u.logicalId, u])).values()];
  for (const asg of unique2) {
    if (ctx.value(asg, ["Properties", "PlacementGroup"]).some((v) => v.kind !== "absent")) continue;
    if (reportAsg(asg, group, [strategy], ` (through launch template ${resource.logicalId})`, ctx)) return;
  }
  const what = `Launch template ${resource.logicalId}${unique2.length ? ` (used by ${named("Auto Scaling group", unique2.map((u) => u.logicalId))})` : ""}`;
  ctx.report({ messageId: "cluster", at: group, because: [strategy], data: { ...data, what } });
}
function reportAsg(asg, group, because, via, ctx) {
  const pgId = group.ref.logicalId;
  for (const outcome of autoScalingZones(asg, ctx)) {
    if (outcome.kind !== "zones" || outcome.zones.length < 2) continue;
    ctx.report({
      messageId: "clusterMultiAz",
      level: "warning",
      at: group,
      because: [...because, ...outcome.because],
      data: { group: pgId, zones: outcome.zones.length, via, asg: asg.logicalId }
    });
    return true;
  }
  for (const lists of combinations(loadBalancerLists(asg, ctx))) {
    if (!lists.some(attachesLoadBalancer)) continue;
    ctx.report({
      messageId: "clusterLoadBalanced",
      level: "warning",
      at: group,
      because: [...because, ...lists],
      data: { group: pgId, what: `Auto Scaling group ${asg.logicalId}${via}` }
    });
    return true;
  }
  return false;
}
function servesLoadBalancer(instance, ctx) {
  return ctx.graph.referrers(instance.logicalId, "AWS::ElasticLoadBalancingV2::TargetGroup", ["Properties", "Targets"]).length > 0 || ctx.graph.referrers(instance.logicalId, "AWS::ElasticLoadBalancing::LoadBalancer", ["Properties", "Instances"]).length > 0;
}
function checkStandaloneGroup(pg, ctx) {
  const used = Object.entries(GROUP_PATH).some(([type, path11]) => ctx.graph.referrers(pg.logicalId, type, path11).length > 0);
  if (used) return;
  for (const strategy of ctx.value(pg, ["Properties", "Strategy"])) {
    if (strategy.kind === "absent") {
      ctx.unknown(variantWith(strategy, { reason: "not set, and the API default is not documented" }), "the placement strategy");
      continue;
    }
    if (strategy.kind === "unknown") {
      ctx.unknown(strategy, "the placement strategy");
      continue;
    }
    if (asString(strategy)?.toLowerCase() !== "cluster") continue;
    ctx.report({ messageId: "unusedCluster", at: strategy });
  }
}

// rules/reliability/elasticache-multi-az-enabled.ts
var REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
var CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";
var elasticache_multi_az_enabled_default = defineRule({
  id: "elasticache-multi-az-enabled",
  pillar: "reliability",
  level: "warning",
  title: "ElastiCache clusters survive the loss of an Availability Zone",
  rationale: "A cache whose nodes all sit in one Availability Zone, or a Redis/Valkey primary without a replica and automatic failover, goes down with that zone or node, and every request then falls through to the backing store. Multi-AZ with automatic failover promotes a replica in another zone within minutes.",
  remediation: "For Redis or Valkey use an `AWS::ElastiCache::ReplicationGroup` with `MultiAZEnabled: true`, `AutomaticFailoverEnabled: true` and at least one replica. For Memcached spread two or more nodes with `AZMode: cross-az`.\n\n```yaml\nMultiAZEnabled: true\nAutomaticFailoverEnabled: true\nNumCacheClusters: 2\n# memcached CacheCluster: AZMode: cross-az, NumCacheNodes: 2\n```",
  wellArchitected: ["REL10-BP01", "REL11-BP02"],
  securityHub: ["ElastiCache.3"],
  appliesTo: [REPLICATION_GROUP, CACHE_CLUSTER],
  peers: {
    checkov: [],
    cfn_nag: [],
    // AEC4: MultiAZEnabled not true on a replication group; not its failover or replicas.
    cdk_nag: [{ id: "AwsSolutions-AEC4", messages: ["replicationGroup"], properties: ["Properties.MultiAZEnabled"] }]
  },
  messages: {
    replicationGroup: "Replication group {{logicalId}} cannot fail over to another Availability Zone: {{problems}}.",
    singleNode: "Cache cluster {{logicalId}} is a single {{engine}} node with no replica or automatic failover; use an AWS::ElastiCache::ReplicationGroup with Multi-AZ instead.",
    memcachedSingleAz: "Memcached cluster {{logicalId}} keeps its {{nodes}} nodes in one Availability Zone: AZMode is {{state}}.",
    memcachedSingleNode: "Memcached cluster {{logicalId}} has a single node, so losing its Availability Zone empties the cache."
  },
  check(resource, ctx) {
    if (resource.type === REPLICATION_GROUP) checkReplicationGroup(resource, ctx);
    else checkCacheCluster(resource, ctx);
  }
});
function state(v, fallback) {
  return v.kind === "absent" ? `not set (the default is ${fallback})` : valueText(v.value);
}
function flag(v, name) {
  if (v.kind === "unknown") return { kind: "unknown", variant: v, what: name };
  if (asBoolean(v) === true) return { kind: "ok" };
  return { kind: "problem", problem: { text: `${name} is ${state(v, "false")}`, at: v, fixable: v.kind === "literal" && asBoolean(v) === false ? name : void 0 } };
}
function count(v) {
  if (v.kind === "unknown") return "unknown";
  return asNumber(v);
}
function replicas(clusters, perGroup, nodeGroups, ctx) {
  const n = count(clusters);
  if (n === "unknown") return { kind: "unknown", variant: clusters, what: "NumCacheClusters" };
  if (n !== void 0 && n >= 2) return { kind: "ok" };
  const r = count(perGroup);
  if (r === "unknown") return { kind: "unknown", variant: perGroup, what: "ReplicasPerNodeGroup" };
  if (r !== void 0 && r >= 1) return { kind: "ok" };
  if (nodeGroups.kind === "unknown") return { kind: "unknown", variant: nodeGroups, what: "NodeGroupConfiguration" };
  const groups = ctx.items(nodeGroups, []).filter((g) => g.kind !== "absent");
  if (groups.length > 0 && clusters.kind === "absent") {
    let missing;
    for (const g of groups) {
      if (g.kind === "unknown") return { kind: "unknown", variant: g, what: "a node group" };
      for (const rc of ctx.value(g, ["ReplicaCount"])) {
        const c = rc.kind === "absent" ? r ?? 0 : count(rc);
        if (c === "unknown") return { kind: "unknown", variant: rc, what: "the ReplicaCount of a node group" };
        if (c === void 0 || c < 1) missing ??= rc;
      }
    }
    if (!missing) return { kind: "ok" };
    const text = missing.kind === "absent" ? "a node group has no replica (ReplicaCount not set)" : `a node group has no replica (ReplicaCount is ${valueText(missing.value)})`;
    return { kind: "problem", problem: { text, at: missing } };
  }
  if (clusters.kind !== "absent") return { kind: "problem", problem: { text: `there is no replica (NumCacheClusters is ${valueText(clusters.value)})`, at: clusters } };
  if (perGroup.kind !== "absent") return { kind: "problem", problem: { text: `there is no replica (ReplicasPerNodeGroup is ${valueText(perGroup.value)})`, at: perGroup } };
  return { kind: "problem", problem: { text: "there is no replica (NumCacheClusters is not set, the default is 1)", at: clusters } };
}
function checkReplicationGroup(group, ctx) {
  const prop = (name) => ctx.value(group, ["Properties", name]);
  for (const [engine, multiAz, failover, clusters, perGroup, nodeGroups] of combinations([
    prop("Engine"),
    prop("MultiAZEnabled"),
    prop("AutomaticFailoverEnabled"),
    prop("NumCacheClusters"),
    prop("ReplicasPerNodeGroup"),
    prop("NodeGroupConfiguration")
  ])) {
    if (asString(engine)?.toLowerCase() === "memcached") continue;
    const verdicts = [
      flag(multiAz, "MultiAZEnabled"),
      flag(failover, "AutomaticFailoverEnabled"),
      replicas(clusters, perGroup, nodeGroups, ctx)
    ];
    const problems = verdicts.flatMap((v) => v.kind === "problem" ? [v.problem] : []);
    for (const v of verdicts) if (v.kind === "unknown") ctx.unknown(v.variant, v.what);
    if (problems.length === 0) continue;
    const first = problems[0];
    ctx.report({
      messageId: "replicationGroup",
      at: first.at,
      because: [engine, multiAz, failover, clusters, perGroup, nodeGroups],
      data: { problems: listWords(problems.map((p) => p.text)) },
      fix: problems.length === 1 && first.fixable ? { text: "true", description: `Set ${first.fixable} to true` } : void 0
    });
  }
}
function checkCacheCluster(cluster, ctx) {
  if (ctx.graph.referrers(cluster.logicalId, REPLICATION_GROUP, ["Properties", "PrimaryClusterId"]).length > 0) return;
  const prop = (name) => ctx.value(cluster, ["Properties", name]);
  for (const [engine, nodes, azMode] of combinations([prop("Engine"), prop("NumCacheNodes"), prop("AZMode")])) {
    if (engine.kind === "unknown") {
      ctx.unknown(engine, "the engine");
      continue;
    }
    const name = asString(engine)?.toLowerCase();
    if (name === "redis" || name === "valkey") {
      ctx.report({ messageId: "singleNode", at: engine, data: { engine: valueText(asString(engine)) } });
      continue;
    }
    if (name !== "memcached") continue;
    const n = count(nodes);
    if (n === "unknown") {
      ctx.unknown(nodes, "NumCacheNodes");
      continue;
    }
    if (n === void 0) continue;
    if (n <= 1) {
      ctx.report({ messageId: "memcachedSingleNode", level: "note", at: nodes, because: [engine] });
      continue;
    }
    if (azMode.kind === "unknown") {
      ctx.unknown(azMode, "AZMode");
      continue;
    }
    if (azMode.kind === "literal" && asString(azMode)?.toLowerCase() === "cross-az") continue;
    ctx.report({
      messageId: "memcachedSingleAz",
      at: azMode,
      because: [engine, nodes],
      data: { nodes: n, state: state(azMode, "single-az") },
      fix: azMode.kind === "literal" ? { text: '"cross-az"', description: "Spread the nodes across zones" } : void 0
    });
  }
}

// rules/reliability/elb-cross-zone-load-balancing-enabled.ts
var LB_V2 = "AWS::ElasticLoadBalancingV2::LoadBalancer";
var TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
var LISTENER2 = "AWS::ElasticLoadBalancingV2::Listener";
var CLASSIC2 = "AWS::ElasticLoadBalancing::LoadBalancer";
var CROSS_ZONE = "load_balancing.cross_zone.enabled";
var elb_cross_zone_load_balancing_enabled_default = defineRule({
  id: "elb-cross-zone-load-balancing-enabled",
  pillar: "reliability",
  level: "warning",
  title: "Cross-zone load balancing is on for NLB, GWLB and Classic ELB",
  rationale: "Without cross-zone load balancing each load balancer node sends traffic only to targets in its own Availability Zone, so every zone gets the same share of traffic whatever its capacity: when a zone has fewer healthy targets, they are overloaded. With it, traffic spreads over all healthy targets (for NLB and GWLB at the cost of inter-AZ data charges).",
  remediation: "Turn on `load_balancing.cross_zone.enabled` for Network and Gateway Load Balancers (or on every target group), and `CrossZone: true` for Classic Load Balancers. Alternatively keep the same capacity in every zone and accept the risk.\n\n```yaml\nLoadBalancerAttributes:\n  - Key: load_balancing.cross_zone.enabled\n    Value: 'true'\n```",
  wellArchitected: ["REL10-BP01", "PERF04-BP04"],
  securityHub: ["ELB.9"],
  appliesTo: [LB_V2, TARGET_GROUP, CLASSIC2],
  tags: ["performance-efficiency", "cost-optimization"],
  peers: {
    checkov: [],
    cfn_nag: [],
    // Classic Load Balancers only: CrossZone not true (cdk-nag also wants two zones).
    cdk_nag: [
      { id: "AwsSolutions-ELB4", messages: ["classic"] },
      { id: "ELBCrossZoneLoadBalancingEnabled", messages: ["classic"] }
    ],
    guard: [{ id: "ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED", messages: ["classic"] }]
  },
  messages: {
    loadBalancer: "{{kind}} Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: {{key}} is {{state}}{{targetGroups}}. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.",
    targetGroup: "Target group {{logicalId}} turns cross-zone load balancing off, overriding its load balancer: {{key}} is false. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.",
    classic: "Classic Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: CrossZone is {{state}}, so instances in a zone with fewer instances get overloaded."
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC2) checkClassic2(resource, ctx);
    else if (resource.type === LB_V2) checkLoadBalancer(resource, ctx);
    else checkTargetGroup(resource, ctx);
  }
});
function checkClassic2(lb, ctx) {
  for (const crossZone of ctx.value(lb, ["Properties", "CrossZone"])) {
    if (crossZone.kind === "unknown") {
      ctx.unknown(crossZone, "CrossZone");
      continue;
    }
    if (asBoolean(crossZone) === true) continue;
    ctx.report({
      messageId: "classic",
      at: crossZone,
      data: { state: crossZone.kind === "absent" ? "not set (the default is false)" : valueText(crossZone.value) },
      fix: crossZone.kind === "literal" ? { text: "true", description: "Turn on cross-zone load balancing" } : void 0
    });
  }
}
function checkLoadBalancer(lb, ctx) {
  for (const [type, setting] of combinations([ctx.value(lb, ["Properties", "Type"]), attribute(lb, ["Properties", "LoadBalancerAttributes"], ctx)])) {
    if (type.kind === "unknown") {
      ctx.unknown(type, "the load balancer type");
      continue;
    }
    const kind2 = (asString(type) ?? "application").toLowerCase();
    if (kind2 !== "network" && kind2 !== "gateway") continue;
    if (setting.kind === "unknown") {
      ctx.unknown(setting, CROSS_ZONE);
      continue;
    }
    if (asBoolean(setting) === true) continue;
    const groups = targetGroupSettings(lb, ctx);
    if (groups.unknown) {
      ctx.unknown(groups.unknown, `the ${CROSS_ZONE} setting of a target group`);
      continue;
    }
    if (groups.all) continue;
    ctx.report({
      messageId: "loadBalancer",
      at: setting,
      because: [type],
      data: {
        kind: kind2 === "network" ? "Network" : "Gateway",
        key: CROSS_ZONE,
        state: setting.kind === "absent" ? "not set (the default is false)" : valueText(setting.value),
        targetGroups: groups.names.length ? `, and ${named("target group", groups.names)} ${groups.names.length === 1 ? "does" : "do"} not turn it on` : ""
      },
      fix: setting.kind === "literal" ? { text: '"true"', description: "Turn on cross-zone load balancing" } : void 0
    });
  }
}
function targetGroupSettings(lb, ctx) {
  const names = [];
  let unknown;
  let seen = 0;
  for (const arn of attachedTargetGroups(lb, ctx)) {
    const tg = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
    if (!tg || tg.type !== TARGET_GROUP) {
      unknown ??= arn;
      continue;
    }
    seen++;
    for (const v of attribute(tg, ["Properties", "TargetGroupAttributes"], ctx)) {
      if (v.kind === "unknown") unknown ??= v;
      else if (asBoolean(v) !== true && !names.includes(tg.logicalId)) names.push(tg.logicalId);
    }
  }
  if (names.length) return { all: false, names };
  if (unknown) return { all: false, unknown, names };
  return { all: seen > 0, names };
}
function attachedTargetGroups(lb, ctx) {
  const out = [];
  for (const { resource: listener } of ctx.graph.referrers(lb.logicalId, LISTENER2, ["Properties", "LoadBalancerArn"])) {
    for (const action of ctx.items(listener, ["Properties", "DefaultActions"])) {
      if (action.kind !== "literal") continue;
      out.push(...ctx.value(action, ["TargetGroupArn"]).filter((v) => v.kind !== "absent"));
      for (const entry of ctx.items(action, ["ForwardConfig", "TargetGroups"])) {
        out.push(...ctx.value(entry, ["TargetGroupArn"]).filter((v) => v.kind !== "absent"));
      }
    }
  }
  return out;
}
function checkTargetGroup(tg, ctx) {
  for (const setting of attribute(tg, ["Properties", "TargetGroupAttributes"], ctx)) {
    if (setting.kind !== "literal" || asBoolean(setting) !== false) continue;
    const behind = balancerKind(tg, setting, ctx);
    if (behind === "application") continue;
    if (behind === void 0) {
      ctx.unknown(setting, "the type of load balancer the target group serves");
      continue;
    }
    ctx.report({
      messageId: "targetGroup",
      at: setting,
      data: { key: CROSS_ZONE },
      fix: { text: '"true"', description: "Turn on cross-zone load balancing" }
    });
  }
}
function balancerKind(tg, setting, ctx) {
  for (const [protocol, targetType] of combinations([ctx.value(tg, ["Properties", "Protocol"]), ctx.value(tg, ["Properties", "TargetType"]), [setting]])) {
    if (asString(targetType)?.toLowerCase() === "lambda") return "application";
    const p = asString(protocol)?.toUpperCase();
    if (p === "HTTP" || p === "HTTPS") return "application";
    if (p !== void 0) return "network";
  }
  for (const { resource: listener } of ctx.graph.referrers(tg.logicalId, LISTENER2)) {
    for (const arn of ctx.value(listener, ["Properties", "LoadBalancerArn"])) {
      const lb = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
      if (!lb || lb.type !== LB_V2) continue;
      for (const type of ctx.value(lb, ["Properties", "Type"])) {
        const kind2 = type.kind === "absent" ? "application" : asString(type)?.toLowerCase();
        if (kind2 === "application") return "application";
        if (kind2 === "network" || kind2 === "gateway") return "network";
      }
    }
  }
  return void 0;
}
function attribute(resource, path11, ctx) {
  const out = [];
  for (const list2 of ctx.value(resource, path11)) {
    if (list2.kind !== "literal") {
      out.push(list2);
      continue;
    }
    if (!Array.isArray(list2.value)) {
      out.push(variantWith(list2, { kind: "unknown", value: void 0, reason: "not a list" }));
      continue;
    }
    const matched = /* @__PURE__ */ new Set();
    const entries = list2.value.map(
      (_, i) => ctx.value(list2, [i]).flatMap((entry) => {
        if (entry.kind !== "literal") return [variantWith(entry, { kind: entry.kind === "absent" ? "absent" : "unknown" })];
        return combinations([ctx.value(entry, ["Key"]), ctx.value(entry, ["Value"])]).map(([key, value]) => {
          const assumptions = mergeAssumptions(key.assumptions, value.assumptions);
          if (key.kind === "unknown") return variantWith(key, { assumptions });
          if (asString(key) !== CROSS_ZONE) return absentVariant(key.path, key.external, assumptions);
          const hit = variantWith(value, { assumptions });
          matched.add(hit);
          return hit;
        });
      })
    );
    const relevant = entries.filter((variants) => variants.some((v) => v.kind !== "absent"));
    for (const combo of combinations([[list2], ...relevant])) {
      const assumptions = mergeAssumptions(...combo.map((v) => v.assumptions));
      const match = combo.slice(1).find((v) => matched.has(v));
      const unknown = combo.slice(1).find((v) => v.kind === "unknown" && !matched.has(v));
      if (match) out.push(variantWith(match, { assumptions }));
      else if (unknown) out.push(variantWith(unknown, { assumptions }));
      else out.push(absentVariant(list2.path, list2.external, assumptions));
    }
  }
  return out;
}

// rules/reliability/rds-automated-backups-enabled.ts
var rds_automated_backups_enabled_default = defineRule({
  id: "rds-automated-backups-enabled",
  pillar: "reliability",
  level: "warning",
  title: "RDS automated backups are on with adequate retention",
  rationale: "Automated backups are what point-in-time recovery restores from. With a retention of 0 there are none, and with the default of one day a corruption or bad deployment noticed after a weekend can no longer be undone.",
  remediation: "Set `BackupRetentionPeriod` to the number of days your recovery point objective needs (at least the configured minimum, 7 by default) and pick a backup window outside peak hours.\n\n```yaml\nBackupRetentionPeriod: 7\nPreferredBackupWindow: '17:00-18:00'\n```",
  wellArchitected: ["REL09-BP03", "REL09-BP01"],
  securityHub: ["RDS.11"],
  appliesTo: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
  peers: {
    checkov: [],
    // DB instances with BackupRetentionPeriod 0; none of them asks for a minimum retention.
    cfn_nag: [{ id: "W75", messages: ["disabled"], resourceTypes: ["AWS::RDS::DBInstance"] }],
    cdk_nag: [
      { id: "AwsSolutions-RDS13", messages: ["disabled"], resourceTypes: ["AWS::RDS::DBInstance"] },
      { id: "RDSInstanceBackupEnabled", messages: ["disabled"], resourceTypes: ["AWS::RDS::DBInstance"] }
    ],
    guard: [{ id: "DB_INSTANCE_BACKUP_ENABLED", messages: ["disabled"], resourceTypes: ["AWS::RDS::DBInstance"] }]
  },
  optionsSchema: {
    type: "object",
    properties: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35 } },
    additionalProperties: false
  },
  defaultOptions: { minRetentionDays: 7 },
  messages: {
    disabled: "{{kind}} {{logicalId}} has automated backups turned off: BackupRetentionPeriod is 0.",
    shortRetention: "{{kind}} {{logicalId}} keeps automated backups for {{days}}, fewer than the {{min}} days required: BackupRetentionPeriod is {{state}}."
  },
  check(db, ctx) {
    const prop = (name) => ctx.value(db, ["Properties", name]);
    const isInstance = db.type === "AWS::RDS::DBInstance";
    const none = [absentVariant([], false, [])];
    for (const [cluster, source, sourceCluster, engine, retention] of combinations([
      isInstance ? prop("DBClusterIdentifier") : none,
      isInstance ? prop("SourceDBInstanceIdentifier") : none,
      isInstance ? prop("SourceDBClusterIdentifier") : none,
      isInstance ? prop("Engine") : none,
      prop("BackupRetentionPeriod")
    ])) {
      if (isSet(cluster) || isSet(source) || isSet(sourceCluster)) continue;
      if (asString(engine)?.toLowerCase().startsWith("aurora")) continue;
      if (retention.kind === "unknown") {
        ctx.unknown(retention, "BackupRetentionPeriod");
        continue;
      }
      const days = retention.kind === "absent" ? 1 : asNumber(retention);
      if (days === void 0) continue;
      const min = ctx.options.minRetentionDays;
      const kind2 = isInstance ? "DB instance" : "DB cluster";
      const fix = retention.kind === "literal" ? { text: String(min), description: `Keep backups for ${min} days` } : void 0;
      const because = [cluster, source, sourceCluster, engine];
      if (days === 0) {
        ctx.report({ messageId: "disabled", level: "error", at: retention, because, data: { kind: kind2 }, fix });
      } else if (days < min) {
        ctx.report({
          messageId: "shortRetention",
          at: retention,
          because,
          fix,
          data: {
            kind: kind2,
            min,
            days: days === 1 ? "1 day" : `${days} days`,
            state: retention.kind === "absent" ? "not set (the default is 1 day)" : valueText(retention.value)
          }
        });
      }
    }
  }
});

// src/rule-helpers/require.ts
function requireValue(ctx, from, requirement) {
  for (const value of ctx.value(from, requirement.path)) {
    if (!ctx.known(value, requirement.what) || requirement.ok(value)) continue;
    ctx.report({
      messageId: requirement.messageId,
      at: value,
      because: requirement.because,
      data: { ...requirement.data, state: stateText(value, requirement.absent) },
      fix: requirement.fix && value.kind === "literal" ? requirement.fix : void 0
    });
  }
}
function stateText(value, absent2) {
  if (value.kind === "absent") return absent2 ? `not set (${absent2})` : "not set";
  return valueText(value.value);
}

// rules/reliability/rds-deletion-protection-enabled.ts
var rds_deletion_protection_enabled_default = defineRule({
  id: "rds-deletion-protection-enabled",
  pillar: "reliability",
  level: "warning",
  title: "RDS instances and clusters have deletion protection",
  rationale: "Without deletion protection one API call, console click or mistaken script deletes the database. A DeletionPolicy only guards against stack operations; deletion protection refuses every delete until it is switched off on purpose.",
  remediation: "Set `DeletionProtection: true` on the DB instance, or on the DB cluster for cluster members (keep a `DeletionPolicy` of `Snapshot` or `Retain` as well for stack deletions).\n\n```yaml\nDeletionProtection: true\n```",
  wellArchitected: ["REL09-BP01", "OPS06-BP01"],
  securityHub: ["RDS.8", "RDS.7"],
  securitySeverity: "3.5",
  appliesTo: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
  tags: ["security"],
  peers: {
    checkov: [],
    cfn_nag: [{ id: "F80", resourceTypes: ["AWS::RDS::DBInstance"] }],
    // DB instances (not Aurora members)
    // Instances and clusters; AwsSolutions runs the same check as RDS10 and RDS15.
    cdk_nag: ["AwsSolutions-RDS10", "AwsSolutions-RDS15", "RDSInstanceDeletionProtectionEnabled"],
    guard: [{ id: "RDS_INSTANCE_DELETION_PROTECTION_ENABLED", resourceTypes: ["AWS::RDS::DBInstance"] }]
  },
  messages: {
    unprotected: "{{kind}} {{logicalId}} can be deleted by a single API call: DeletionProtection is {{state}}."
  },
  docs: {
    noncompliant: [
      "Resources:",
      "  OrdersDb:",
      "    Type: AWS::RDS::DBInstance",
      "    DeletionPolicy: Snapshot",
      "    Properties:",
      "      Engine: postgres",
      "      DBInstanceClass: db.m7g.large",
      '      AllocatedStorage: "100"',
      "      MultiAZ: true",
      "      StorageEncrypted: true"
    ].join("\n"),
    compliant: [
      "Resources:",
      "  OrdersDb:",
      "    Type: AWS::RDS::DBInstance",
      "    DeletionPolicy: Snapshot",
      "    Properties:",
      "      Engine: postgres",
      "      DBInstanceClass: db.m7g.large",
      '      AllocatedStorage: "100"',
      "      MultiAZ: true",
      "      StorageEncrypted: true",
      "      DeletionProtection: true"
    ].join("\n"),
    notes: "Members of a DB cluster (`DBClusterIdentifier` set) and Aurora instances are protected by their cluster, which the rule checks instead. A `DeletionProtection` value that is only known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it."
  },
  check(db, ctx) {
    const isInstance = db.type === "AWS::RDS::DBInstance";
    const kind2 = isInstance ? "DB instance" : "DB cluster";
    if (!isInstance) {
      requireValue(ctx, db, {
        path: ["Properties", "DeletionProtection"],
        what: "DeletionProtection",
        ok: (v) => asBoolean(v) === true,
        messageId: "unprotected",
        data: { kind: kind2 },
        absent: "the default is false",
        fix: { text: "true", description: "Turn on deletion protection" }
      });
      return;
    }
    for (const [cluster, engine] of ctx.each(ctx.value(db, ["Properties", "DBClusterIdentifier"]), ctx.value(db, ["Properties", "Engine"]))) {
      if (isSet(cluster) || asString(engine)?.toLowerCase().startsWith("aurora")) continue;
      requireValue(ctx, db, {
        path: ["Properties", "DeletionProtection"],
        what: "DeletionProtection",
        ok: (v) => asBoolean(v) === true,
        messageId: "unprotected",
        data: { kind: kind2 },
        absent: "the default is false",
        because: [cluster, engine],
        fix: { text: "true", description: "Turn on deletion protection" }
      });
    }
  }
});

// rules/reliability/rds-multi-az-enabled.ts
function notApplicable(engine) {
  const e = engine.toLowerCase();
  return e.startsWith("aurora") || e === "sqlserver-ex" || e === "sqlserver-web" || e.startsWith("custom-");
}
var rds_multi_az_enabled_default = defineRule({
  id: "rds-multi-az-enabled",
  pillar: "reliability",
  level: "error",
  title: "RDS DB instances are deployed Multi-AZ",
  rationale: "A single-AZ DB instance is unavailable while its Availability Zone is impaired and during many maintenance events. Multi-AZ keeps a synchronous standby in another zone and fails over to it in one to two minutes.",
  remediation: "Set `MultiAZ: true` and give the instance a DB subnet group whose subnets span at least two Availability Zones (remove `AvailabilityZone`, which cannot be combined with Multi-AZ).\n\n```yaml\nMultiAZ: true\nDBSubnetGroupName: !Ref DbSubnetGroup   # subnets in >= 2 AZs\n```",
  wellArchitected: ["REL10-BP01", "REL11-BP02"],
  securityHub: ["RDS.5"],
  appliesTo: ["AWS::RDS::DBInstance"],
  peers: {
    // MultiAZ not true; not the zones of the subnet group.
    checkov: [{ id: "CKV_AWS_157", messages: ["singleAz", "replicaSingleAz"] }],
    cfn_nag: [],
    cdk_nag: [
      { id: "AwsSolutions-RDS3", messages: ["singleAz", "replicaSingleAz"] },
      { id: "RDSMultiAZSupport", messages: ["singleAz", "replicaSingleAz"] }
    ],
    guard: [{ id: "RDS_MULTI_AZ_SUPPORT", messages: ["singleAz", "replicaSingleAz"] }]
  },
  messages: {
    singleAz: "DB instance {{logicalId}} runs in a single Availability Zone: MultiAZ is {{state}}.",
    replicaSingleAz: "Read replica {{logicalId}} runs in a single Availability Zone: MultiAZ is {{state}}.",
    subnetGroupOneAz: "DB instance {{logicalId}} is Multi-AZ, but its subnet group {{subnetGroup}} has subnets in only one Availability Zone."
  },
  check(db, ctx) {
    const props = (name) => ctx.value(db, ["Properties", name]);
    for (const [cluster, engine, multiAz, source] of combinations([
      props("DBClusterIdentifier"),
      props("Engine"),
      props("MultiAZ"),
      props("SourceDBInstanceIdentifier")
    ])) {
      if (isSet(cluster)) continue;
      if (engine.kind === "unknown") {
        ctx.unknown(engine, "the engine");
        continue;
      }
      const engineName = asString(engine);
      if (engineName && notApplicable(engineName)) continue;
      if (multiAz.kind === "unknown") {
        ctx.unknown(multiAz, "MultiAZ");
        continue;
      }
      const value = asBoolean(multiAz);
      if (value === true) {
        checkSubnetGroup();
        continue;
      }
      const replica = isSet(source);
      ctx.report({
        messageId: replica ? "replicaSingleAz" : "singleAz",
        level: replica ? "note" : void 0,
        at: multiAz,
        because: [cluster, engine, source],
        data: { state: multiAz.kind === "absent" ? "not set (the default is false)" : valueText(multiAz.value) },
        fix: multiAz.kind === "literal" ? { text: "true", description: "Set MultiAZ to true" } : void 0
      });
    }
    function checkSubnetGroup() {
      for (const group of props("DBSubnetGroupName")) {
        const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
        if (!subnetGroup || subnetGroup.type !== "AWS::RDS::DBSubnetGroup") continue;
        const zones = /* @__PURE__ */ new Set();
        for (const subnet of ctx.items(subnetGroup, ["Properties", "SubnetIds"])) {
          const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
          if (!resource || resource.type !== "AWS::EC2::Subnet") return;
          const azs = ctx.value(resource, ["Properties", "AvailabilityZone"]);
          if (azs.length !== 1) return;
          const az = azs[0];
          const id = az.opaque ?? asString(az);
          if (id === void 0) return;
          zones.add(id);
        }
        if (zones.size === 1) {
          ctx.report({ messageId: "subnetGroupOneAz", at: group, data: { subnetGroup: subnetGroup.logicalId } });
        }
      }
    }
  }
});

// rules/performance-efficiency/autoscaling-scaling-policy-configured.ts
var GROUP = "AWS::AutoScaling::AutoScalingGroup";
var POLICY = "AWS::AutoScaling::ScalingPolicy";
var SCHEDULED = "AWS::AutoScaling::ScheduledAction";
var ALARM_TYPES = ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"];
var ALARM_ACTIONS = ["AlarmActions", "OKActions", "InsufficientDataActions"];
var autoscaling_scaling_policy_configured_default = defineRule({
  id: "autoscaling-scaling-policy-configured",
  pillar: "performance-efficiency",
  level: "warning",
  title: "Auto Scaling groups that can scale have a scaling policy",
  rationale: "A group whose MaxSize is above its MinSize only changes size when something tells it to. Without a scaling policy or a scheduled action it stays at its desired capacity: short of capacity under load, paying for idle instances otherwise.",
  remediation: "Attach a scaling policy to the group (target tracking is the simplest default), or scheduled actions for known load patterns. Step and simple scaling policies also need a CloudWatch alarm that lists them in `AlarmActions`.\n\n```yaml\nCpuTarget:\n  Type: AWS::AutoScaling::ScalingPolicy\n  Properties:\n    AutoScalingGroupName: !Ref WebAsg\n    PolicyType: TargetTrackingScaling\n    TargetTrackingConfiguration:\n      PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}\n      TargetValue: 50\n```",
  wellArchitected: ["PERF02-BP05", "REL07-BP01", "COST09-BP03", "SUS02-BP01"],
  appliesTo: [GROUP, POLICY, SCHEDULED],
  tags: ["cost-optimization", "sustainability", "reliability"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    noPolicy: "Auto Scaling group {{logicalId}} can run {{min}} to {{max}} instances, but no scaling policy or scheduled action targets it, so it never changes size with load.",
    noAlarm: "Scaling policy {{logicalId}} ({{policyType}}) is not an action of any CloudWatch alarm in this template, so it never runs."
  },
  check(resource, ctx) {
    if (resource.type === GROUP) checkGroup(resource, ctx);
    else if (resource.type === POLICY) checkPolicy(resource, ctx);
  }
});
function checkGroup(group, ctx) {
  const targeting = scalers(group, ctx);
  if (targeting === "yes") return;
  for (const [min, max] of combinations([
    ctx.value(group, ["Properties", "MinSize"]),
    ctx.value(group, ["Properties", "MaxSize"])
  ])) {
    if (min.kind === "unknown" || max.kind === "unknown") {
      ctx.unknown(min.kind === "unknown" ? min : max, "the size range");
      continue;
    }
    const lo = asNumber(min);
    const hi = asNumber(max);
    if (lo === void 0 || hi === void 0 || hi <= lo || hi <= 1) continue;
    if (targeting !== "no") {
      ctx.unknown(targeting, "the scaling policies");
      continue;
    }
    ctx.report({ messageId: "noPolicy", at: max, because: [min], data: { min: lo, max: hi } });
  }
}
function scalers(group, ctx) {
  let doubt;
  const names = ctx.value(group, ["Properties", "AutoScalingGroupName"]).map(asString).filter((n) => n !== void 0);
  for (const type of [POLICY, SCHEDULED]) {
    for (const other of ctx.graph.ofType(type)) {
      const targets = ctx.value(other, ["Properties", "AutoScalingGroupName"]);
      if (targets.length === 0) continue;
      const refs = ctx.graph.edgesFrom(other.logicalId).filter((e) => e.path[0] === "Properties" && e.path[1] === "AutoScalingGroupName");
      if (refs.length > 0) {
        if (refs.some((e) => e.to === group.logicalId)) return "yes";
        continue;
      }
      for (const target of targets) {
        if (target.kind === "literal" && names.includes(String(target.value))) return "yes";
        if (target.kind === "unknown") doubt ??= target;
      }
    }
  }
  for (const { resource: provider } of ctx.graph.referrers(group.logicalId, "AWS::ECS::CapacityProvider", ["Properties", "AutoScalingGroupProvider"])) {
    for (const status of ctx.value(provider, ["Properties", "AutoScalingGroupProvider", "ManagedScaling", "Status"])) {
      const text = asString(status)?.toUpperCase();
      if (text === "ENABLED") return "yes";
      if (text !== "DISABLED") doubt ??= status.kind === "absent" ? variantWith(status, { kind: "unknown", reason: "the ECS managed scaling default" }) : status;
    }
  }
  if (ctx.graph.referrers(group.logicalId, "AWS::AutoScalingPlans::ScalingPlan").length > 0) return "yes";
  return doubt ?? "no";
}
function checkPolicy(policy, ctx) {
  for (const type of ctx.value(policy, ["Properties", "PolicyType"])) {
    if (type.kind === "unknown") {
      ctx.unknown(type, "PolicyType");
      continue;
    }
    const name = type.kind === "absent" ? "SimpleScaling" : asString(type) ?? "";
    if (name !== "SimpleScaling" && name !== "StepScaling") continue;
    const triggered = ALARM_TYPES.some((alarmType) => ALARM_ACTIONS.some((key) => ctx.graph.referrers(policy.logicalId, alarmType, ["Properties", key]).length > 0));
    if (triggered) continue;
    const handedOn = ctx.graph.referrers(policy.logicalId).some(({ edge }) => edge.kind !== "DependsOn");
    if (handedOn || exported(policy, ctx)) {
      ctx.unknown(variantWith(type, { kind: "unknown", reason: "passed to another resource or stack, which may execute it" }), "the trigger");
      continue;
    }
    ctx.report({
      messageId: "noAlarm",
      at: type,
      data: { policyType: type.kind === "absent" ? "SimpleScaling, the default" : valueText(name) }
    });
  }
}
function exported(policy, ctx) {
  const outputs = literalVariant(ctx.template.root, [], true, []);
  for (const section of ctx.value(outputs, ["Outputs"])) {
    if (section.kind !== "literal" || typeof section.value !== "object" || section.value === null) continue;
    for (const name of Object.keys(section.value)) {
      if (ctx.value(section, [name, "Value"]).some((v) => v.ref?.logicalId === policy.logicalId)) return true;
    }
  }
  return false;
}

// src/rule-helpers/resources.ts
var BLOCK_DEVICE_MAPPINGS = {
  "AWS::EC2::LaunchTemplate": ["Properties", "LaunchTemplateData", "BlockDeviceMappings"],
  "AWS::AutoScaling::LaunchConfiguration": ["Properties", "BlockDeviceMappings"],
  "AWS::EC2::Instance": ["Properties", "BlockDeviceMappings"]
};
function fromSamGlobals(ctx, resource, v) {
  return samGlobalsOrigin(ctx.template, resource.logicalId, v.path) !== void 0;
}
var USER_KINDS = [
  ["AWS::AutoScaling::AutoScalingGroup", "Auto Scaling group"],
  ["AWS::EC2::Instance", "instance"],
  ["AWS::EC2::SpotFleet", "Spot Fleet"]
];
function launchTemplateUsers2(ctx, resource) {
  if (resource.type !== "AWS::EC2::LaunchTemplate" && resource.type !== "AWS::AutoScaling::LaunchConfiguration") return "";
  const parts = [];
  for (const [type, word] of USER_KINDS) {
    const ids = [...new Set(ctx.graph.referrers(resource.logicalId, type).map((r) => r.resource.logicalId))];
    if (ids.length) parts.push(named(word, ids));
  }
  return parts.length ? ` (used by ${parts.join("; ")})` : "";
}
function launchTemplatesOf(ctx, resource) {
  const specs = resource.type === "AWS::AutoScaling::AutoScalingGroup" ? [["Properties", "LaunchTemplate"], ["Properties", "MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification"]] : [["Properties", "LaunchTemplate"]];
  const found = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    for (const key of ["LaunchTemplateId", "LaunchTemplateName"]) {
      for (const v of ctx.value(resource, [...spec, key])) {
        const target = v.ref && ctx.template.resources.get(v.ref.logicalId);
        if (target && target.type === "AWS::EC2::LaunchTemplate") found.set(target.logicalId, target);
      }
    }
  }
  return [...found.values()];
}

// rules/cost-optimization/ebs-volume-type-gp3.ts
var LARGE_GIB = 1024;
var gp2Iops = (size) => Math.min(3 * size, 16e3);
var ebs_volume_type_gp3_default = defineRule({
  id: "ebs-volume-type-gp3",
  pillar: "cost-optimization",
  level: "warning",
  title: "EBS volumes use gp3 instead of gp2",
  rationale: "gp3 costs about 20% less per GB than gp2 and gives every volume 3,000 IOPS and 125 MiB/s regardless of its size, where gp2 ties performance to size and bursts. The magnetic `standard` type is a previous generation.",
  remediation: "Set `VolumeType: gp3` on the volume or on each `Ebs` block device mapping. For gp2 volumes larger than 1 TiB, also set `Iops` to 3 per GiB (at most 16,000) and `Throughput: 250` so the volume keeps the performance it had.\n\n```yaml\nEbs:\n  VolumeType: gp3\n  VolumeSize: 100\n  # Iops: 3000 and Throughput: 125 are the free baseline\n```",
  wellArchitected: ["COST06-BP02", "COST01-BP07", "PERF03-BP02"],
  appliesTo: ["AWS::EC2::Volume", ...Object.keys(BLOCK_DEVICE_MAPPINGS)],
  tags: ["performance-efficiency"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    gp2: "{{subject}} uses gp2{{defaulted}}: gp3 costs about 20% less per GB and gives 3,000 IOPS and 125 MiB/s at any size.",
    gp2Large: "{{subject}} uses gp2 at {{size}} GiB{{defaulted}}: switch to gp3 with Iops: {{iops}} and Throughput: 250 to keep the performance gp2 gives this size, for less.",
    magnetic: "{{subject}} uses the previous-generation magnetic type standard: use gp3 (or st1/sc1 for large, rarely read data)."
  },
  check(resource, ctx) {
    if (resource.type === "AWS::EC2::Volume") {
      for (const [type, size] of combinations([
        ctx.value(resource, ["Properties", "VolumeType"]),
        ctx.value(resource, ["Properties", "Size"])
      ])) {
        checkType(ctx, type, size, `EBS volume ${resource.logicalId}`, true);
      }
      return;
    }
    const subject = (device) => `Block device ${device} of ${resource.logicalId}${launchTemplateUsers2(ctx, resource)}`;
    for (const entry of ctx.items(resource, BLOCK_DEVICE_MAPPINGS[resource.type])) {
      if (entry.kind === "unknown") {
        ctx.unknown(entry, "the block device mappings");
        continue;
      }
      if (entry.kind !== "literal") continue;
      for (const [noDevice, virtualName, device, ebs, type, size] of combinations([
        ctx.value(entry, ["NoDevice"]),
        ctx.value(entry, ["VirtualName"]),
        ctx.value(entry, ["DeviceName"]),
        ctx.value(entry, ["Ebs"]),
        ctx.value(entry, ["Ebs", "VolumeType"]),
        ctx.value(entry, ["Ebs", "VolumeSize"])
      ])) {
        if (isSet(noDevice) || isSet(virtualName) || ebs.kind === "absent") continue;
        const name = asString(device) ?? "(unnamed)";
        checkType(ctx, type, size, subject(name), false, [noDevice, virtualName, device]);
      }
    }
  }
});
function checkType(ctx, type, size, subject, absentIsGp2, because = []) {
  if (type.kind === "unknown") {
    ctx.unknown(type, "VolumeType");
    return;
  }
  if (type.kind === "absent" && !absentIsGp2) {
    ctx.unknown(variantWith(type, { kind: "unknown", reason: "inherited from the AMI's block device mapping" }), "VolumeType");
    return;
  }
  const value = type.kind === "absent" ? "gp2" : asString(type)?.toLowerCase();
  const literal2 = type.kind === "literal";
  if (value === "standard") {
    ctx.report({ messageId: "magnetic", at: type, because, data: { subject }, fix: literal2 ? { text: "gp3", description: "Use gp3" } : void 0 });
    return;
  }
  if (value !== "gp2") return;
  const defaulted = type.kind === "absent" ? " (VolumeType is not set, and the default is gp2)" : "";
  const gib = asNumber(size);
  if (gib !== void 0 && gib > LARGE_GIB) {
    ctx.report({
      messageId: "gp2Large",
      at: type,
      because: [size, ...because],
      data: { subject, size: gib, iops: gp2Iops(gib), defaulted }
    });
    return;
  }
  ctx.report({
    messageId: "gp2",
    at: type,
    because,
    data: { subject, defaulted },
    fix: literal2 ? { text: "gp3", description: "Use gp3" } : void 0
  });
}

// rules/cost-optimization/ec2-instance-type-current-generation.ts
var SUCCESSORS = {
  t1: "t3 or t4g",
  t2: "t3 or t4g",
  m1: "m7i or m7g",
  m3: "m7i or m7g",
  m4: "m7i or m7g",
  m2: "r7i or r7g",
  cr1: "r7i or r7g",
  r3: "r7i or r7g",
  r4: "r7i or r7g",
  c1: "c7i or c7g",
  c3: "c7i or c7g",
  c4: "c7i or c7g",
  cc1: "c7i or c7g",
  cc2: "c7i or c7g",
  cg1: "g6 or g5",
  g2: "g6 or g5",
  g3: "g6 or g5",
  p2: "g5 or p3",
  hi1: "i4i or i4g",
  i2: "i4i or i4g",
  i3: "i4i or i4g",
  hs1: "d3 or d3en",
  d2: "d3 or d3en",
  x1: "x2idn or x2iedn"
};
var ec2_instance_type_current_generation_default = defineRule({
  id: "ec2-instance-type-current-generation",
  pillar: "cost-optimization",
  level: "warning",
  title: "EC2 instance types are current generation",
  rationale: "Previous-generation instance types cost more for the same work than current families, run on older, less efficient hardware and are not offered in newer Regions. Older current families such as t2 or m4 also have cheaper successors.",
  remediation: "Move to a current family of the same kind (Graviton `g` families where the software runs on arm64), then measure and right-size.\n\n```yaml\nInstanceType: m7g.large   # was m4.large; m7i.large if x86 is required\n```",
  wellArchitected: ["COST06-BP02", "COST01-BP07", "PERF02-BP01", "SUS05-BP02"],
  securityHub: ["EC2.24"],
  appliesTo: [
    "AWS::EC2::Instance",
    "AWS::EC2::LaunchTemplate",
    "AWS::AutoScaling::LaunchConfiguration",
    "AWS::AutoScaling::AutoScalingGroup",
    "AWS::EC2::SpotFleet"
  ],
  tags: ["performance-efficiency", "sustainability"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  optionsSchema: {
    type: "object",
    properties: {
      previousGenerationFamilies: { type: "array", items: { type: "string" }, uniqueItems: true },
      olderFamilies: { type: "array", items: { type: "string" }, uniqueItems: true }
    },
    additionalProperties: false
  },
  defaultOptions: {
    previousGenerationFamilies: ["t1", "m1", "m2", "m3", "c1", "c3", "cc1", "cc2", "cg1", "cr1", "g2", "hi1", "hs1", "i2", "r3"],
    olderFamilies: ["t2", "m4", "c4", "r4", "d2", "i3", "p2", "g3", "x1"]
  },
  messages: {
    previousGeneration: "{{subject}} uses the previous-generation instance type {{instanceType}}: a current family such as {{successor}} does more for the price.",
    olderFamily: "{{subject}} uses {{instanceType}}, an older family with a cheaper successor ({{successor}}).",
    defaultType: "Instance {{logicalId}} sets neither InstanceType nor a launch template, so EC2 launches the previous-generation default m1.small."
  },
  check(resource, ctx) {
    const id = resource.logicalId;
    switch (resource.type) {
      case "AWS::EC2::Instance": {
        for (const [type, template] of combinations([
          ctx.value(resource, ["Properties", "InstanceType"]),
          ctx.value(resource, ["Properties", "LaunchTemplate"])
        ])) {
          if (type.kind === "absent") {
            if (!isSet(template)) ctx.report({ messageId: "defaultType", at: type, because: [template] });
            continue;
          }
          checkType2(ctx, type, `Instance ${id}`, [template]);
        }
        return;
      }
      case "AWS::EC2::LaunchTemplate":
        checkSpec(ctx, resource, ["Properties", "LaunchTemplateData"], `Launch template ${id}${launchTemplateUsers2(ctx, resource)}`);
        return;
      case "AWS::AutoScaling::LaunchConfiguration":
        checkSpec(ctx, resource, ["Properties"], `Launch configuration ${id}${launchTemplateUsers2(ctx, resource)}`);
        return;
      case "AWS::AutoScaling::AutoScalingGroup":
        eachElement(ctx, resource, ["Properties", "MixedInstancesPolicy", "LaunchTemplate", "Overrides"], (override, n) => checkSpec(ctx, override, [], `Auto Scaling group ${id} (instance type override ${n})`));
        return;
      case "AWS::EC2::SpotFleet":
        eachElement(ctx, resource, ["Properties", "SpotFleetRequestConfigData", "LaunchSpecifications"], (spec, n) => checkSpec(ctx, spec, [], `Spot Fleet ${id} (launch specification ${n})`));
        eachElement(ctx, resource, ["Properties", "SpotFleetRequestConfigData", "LaunchTemplateConfigs"], (config, n) => eachElement(ctx, config, ["Overrides"], (override, m) => checkSpec(ctx, override, [], `Spot Fleet ${id} (launch template config ${n}, override ${m})`)));
        return;
    }
  }
});
function eachElement(ctx, from, path11, each) {
  for (const list2 of ctx.value(from, path11)) {
    if (list2.kind === "unknown") {
      ctx.unknown(list2, path11[path11.length - 1]);
      continue;
    }
    if (list2.kind !== "literal" || !Array.isArray(list2.value)) continue;
    list2.value.forEach((_, i) => {
      for (const element of ctx.value(list2, [i])) {
        if (element.kind === "unknown") ctx.unknown(element, path11[path11.length - 1]);
        else if (element.kind === "literal") each(element, i + 1);
      }
    });
  }
}
function checkSpec(ctx, from, base, subject) {
  for (const [type, requirements] of combinations([
    ctx.value(from, [...base, "InstanceType"]),
    ctx.value(from, [...base, "InstanceRequirements"])
  ])) {
    if (isSet(requirements) || type.kind === "absent") continue;
    checkType2(ctx, type, subject, [requirements]);
  }
}
function checkType2(ctx, type, subject, because) {
  if (type.kind === "unknown") {
    ctx.unknown(type, "the instance type");
    return;
  }
  const instanceType = asString(type);
  if (instanceType === void 0) return;
  const family = instanceType.split(".")[0].trim().toLowerCase();
  const lower2 = (list2) => list2.map((f) => f.toLowerCase());
  const successor = SUCCESSORS[family] ?? "a current-generation family";
  if (lower2(ctx.options.previousGenerationFamilies).includes(family)) {
    ctx.report({ messageId: "previousGeneration", at: type, because, data: { subject, instanceType: valueText(instanceType), successor } });
  } else if (lower2(ctx.options.olderFamilies).includes(family)) {
    ctx.report({ messageId: "olderFamily", level: "note", at: type, because, data: { subject, instanceType: valueText(instanceType), successor } });
  }
}

// rules/cost-optimization/s3-lifecycle-policy-check.ts
var ADVICE = "transition objects to INTELLIGENT_TIERING (unknown access patterns) or GLACIER/DEEP_ARCHIVE (archives) and abort incomplete multipart uploads after 7 days";
var s3_lifecycle_policy_check_default = defineRule({
  id: "s3-lifecycle-policy-check",
  pillar: "cost-optimization",
  level: "note",
  tags: ["sustainability"],
  title: "S3 buckets have a lifecycle configuration",
  rationale: "Without lifecycle rules every object, old version and abandoned multipart upload stays in S3 Standard forever. Moving cold data to cheaper storage classes and expiring what is no longer needed cuts both cost and the storage footprint.",
  remediation: "Add a `LifecycleConfiguration` with at least one enabled rule: a transition to `INTELLIGENT_TIERING` when access patterns are unknown, to `GLACIER` or `DEEP_ARCHIVE` for archives, an expiration for data with a retention period, and `AbortIncompleteMultipartUpload` after 7 days.\n\n```yaml\nLifecycleConfiguration:\n  Rules:\n    - Id: tiering\n      Status: Enabled\n      Transitions:\n        - {StorageClass: INTELLIGENT_TIERING, TransitionInDays: 0}\n      AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}\n```",
  wellArchitected: ["COST04-BP05", "SUS04-BP03", "COST06-BP02"],
  securityHub: ["S3.13"],
  appliesTo: ["AWS::S3::Bucket"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    noLifecycle: `Bucket {{logicalId}} has no lifecycle configuration: ${ADVICE}.`,
    noEnabledRule: `Bucket {{logicalId}} has no lifecycle rule with Status Enabled ({{state}}): ${ADVICE}.`,
    tieringOnly: "Bucket {{logicalId}} configures Intelligent-Tiering archive tiers but no lifecycle rule moves objects into INTELLIGENT_TIERING: add a transition to INTELLIGENT_TIERING and abort incomplete multipart uploads after 7 days."
  },
  check(bucket, ctx) {
    for (const [lifecycle, tiering] of combinations([
      ctx.value(bucket, ["Properties", "LifecycleConfiguration"]),
      ctx.value(bucket, ["Properties", "IntelligentTieringConfigurations"])
    ])) {
      if (lifecycle.kind === "unknown") {
        ctx.unknown(lifecycle, "LifecycleConfiguration");
        continue;
      }
      if (lifecycle.kind === "absent") {
        ctx.report({ messageId: isSet(tiering) ? "tieringOnly" : "noLifecycle", at: lifecycle, because: [tiering] });
        continue;
      }
      for (const rules2 of ctx.value(lifecycle, ["Rules"])) {
        if (rules2.kind === "unknown") {
          ctx.unknown(rules2, "the lifecycle rules");
          continue;
        }
        const statuses = rules2.kind === "literal" && Array.isArray(rules2.value) ? rules2.value.map((_, i) => ctx.value(rules2, [i]).flatMap((rule) => rule.kind === "literal" ? ctx.value(rule, ["Status"]) : [rule])) : [];
        for (const combo of combinations(statuses)) {
          if (combo.some((s) => asString(s) === "Enabled")) continue;
          const unknown = combo.find((s) => s.kind === "unknown");
          if (unknown) {
            ctx.unknown(unknown, "the Status of a lifecycle rule");
            continue;
          }
          const written = combo.filter((s) => s.kind === "literal");
          const single = combo.length === 1 ? combo[0] : void 0;
          ctx.report({
            messageId: "noEnabledRule",
            at: single ?? rules2,
            because: [tiering, ...combo],
            data: {
              state: written.length === 0 ? "no rules" : written.length === 1 ? `its rule is ${valueText(asString(written[0]))}` : `${written.length === 2 ? "both" : `all ${written.length}`} rules are ${[...new Set(written.map((s) => valueText(asString(s))))].join(" or ")}`
            },
            fix: single?.kind === "literal" ? { text: "Enabled", description: "Enable the lifecycle rule" } : void 0
          });
        }
      }
    }
  }
});

// rules/operational-excellence/cfn-resource-required-tags.ts
var TAGGABLE = /* @__PURE__ */ new Set([
  "AWS::AmazonMQ::Broker",
  "AWS::ApiGateway::ApiKey",
  "AWS::ApiGateway::ClientCertificate",
  "AWS::ApiGateway::DomainName",
  "AWS::ApiGateway::RestApi",
  "AWS::ApiGateway::Stage",
  "AWS::ApiGateway::UsagePlan",
  "AWS::ApiGateway::VpcLink",
  "AWS::ApiGatewayV2::Api",
  "AWS::ApiGatewayV2::DomainName",
  "AWS::ApiGatewayV2::Stage",
  "AWS::ApiGatewayV2::VpcLink",
  "AWS::AppSync::GraphQLApi",
  "AWS::Athena::WorkGroup",
  "AWS::AutoScaling::AutoScalingGroup",
  "AWS::Batch::ComputeEnvironment",
  "AWS::Batch::JobDefinition",
  "AWS::Batch::JobQueue",
  "AWS::CertificateManager::Certificate",
  "AWS::Cloud9::EnvironmentEC2",
  "AWS::CloudFormation::Stack",
  "AWS::CloudFormation::StackSet",
  "AWS::CloudFront::Distribution",
  "AWS::CloudTrail::Trail",
  "AWS::CodeBuild::Project",
  "AWS::CodeCommit::Repository",
  "AWS::CodeDeploy::Application",
  "AWS::CodePipeline::Pipeline",
  "AWS::DAX::Cluster",
  "AWS::DMS::Endpoint",
  "AWS::DMS::ReplicationInstance",
  "AWS::DMS::ReplicationSubnetGroup",
  "AWS::DMS::ReplicationTask",
  "AWS::DocDB::DBCluster",
  "AWS::DocDB::DBClusterParameterGroup",
  "AWS::DocDB::DBInstance",
  "AWS::DocDB::DBSubnetGroup",
  "AWS::DynamoDB::Table",
  "AWS::EC2::CarrierGateway",
  "AWS::EC2::CustomerGateway",
  "AWS::EC2::DHCPOptions",
  "AWS::EC2::EIP",
  "AWS::EC2::FlowLog",
  "AWS::EC2::Instance",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::KeyPair",
  "AWS::EC2::NatGateway",
  "AWS::EC2::NetworkAcl",
  "AWS::EC2::NetworkInterface",
  "AWS::EC2::PrefixList",
  "AWS::EC2::RouteTable",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::Subnet",
  "AWS::EC2::TransitGateway",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::EC2::TransitGatewayRouteTable",
  "AWS::EC2::TransitGatewayVpcAttachment",
  "AWS::EC2::VPC",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::VPNConnection",
  "AWS::EC2::VPNGateway",
  "AWS::EC2::Volume",
  "AWS::ECR::Repository",
  "AWS::ECS::CapacityProvider",
  "AWS::ECS::Cluster",
  "AWS::ECS::Service",
  "AWS::ECS::TaskDefinition",
  "AWS::EKS::Addon",
  "AWS::EKS::Cluster",
  "AWS::EKS::FargateProfile",
  "AWS::EKS::Nodegroup",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ParameterGroup",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::ElastiCache::SubnetGroup",
  "AWS::ElasticBeanstalk::Environment",
  "AWS::ElasticLoadBalancing::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::LoadBalancer",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
  "AWS::Elasticsearch::Domain",
  "AWS::OpenSearchService::Domain",
  "AWS::EMR::Cluster",
  "AWS::Events::EventBus",
  "AWS::FSx::FileSystem",
  "AWS::Glue::Crawler",
  "AWS::Glue::Job",
  "AWS::IAM::OIDCProvider",
  "AWS::IAM::Role",
  "AWS::IAM::SAMLProvider",
  "AWS::IAM::ServerCertificate",
  "AWS::IAM::User",
  "AWS::IAM::VirtualMFADevice",
  "AWS::Kinesis::Stream",
  "AWS::KinesisFirehose::DeliveryStream",
  "AWS::KMS::Key",
  "AWS::Lambda::Function",
  "AWS::Logs::LogGroup",
  "AWS::MSK::Cluster",
  "AWS::Neptune::DBCluster",
  "AWS::Neptune::DBInstance",
  "AWS::Neptune::DBSubnetGroup",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBClusterParameterGroup",
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBParameterGroup",
  "AWS::RDS::DBProxy",
  "AWS::RDS::DBSecurityGroup",
  "AWS::RDS::DBSubnetGroup",
  "AWS::RDS::EventSubscription",
  "AWS::RDS::OptionGroup",
  "AWS::Redshift::Cluster",
  "AWS::Redshift::ClusterParameterGroup",
  "AWS::Redshift::ClusterSubnetGroup",
  "AWS::Route53Resolver::ResolverEndpoint",
  "AWS::Route53Resolver::ResolverRule",
  "AWS::S3::Bucket",
  "AWS::SageMaker::Endpoint",
  "AWS::SageMaker::EndpointConfig",
  "AWS::SageMaker::Model",
  "AWS::SageMaker::NotebookInstance",
  "AWS::SecretsManager::Secret",
  "AWS::Serverless::Api",
  "AWS::Serverless::Function",
  "AWS::Serverless::HttpApi",
  "AWS::Serverless::SimpleTable",
  "AWS::Serverless::StateMachine",
  "AWS::ServiceDiscovery::HttpNamespace",
  "AWS::ServiceDiscovery::PrivateDnsNamespace",
  "AWS::ServiceDiscovery::PublicDnsNamespace",
  "AWS::ServiceDiscovery::Service",
  "AWS::SNS::Topic",
  "AWS::SQS::Queue",
  "AWS::SSM::Document",
  "AWS::SSM::Parameter",
  "AWS::StepFunctions::Activity",
  "AWS::StepFunctions::StateMachine",
  "AWS::Transfer::Server",
  "AWS::Transfer::User",
  "AWS::WAFv2::IPSet",
  "AWS::WAFv2::RegexPatternSet",
  "AWS::WAFv2::RuleGroup",
  "AWS::WAFv2::WebACL"
]);
var ASG2 = "AWS::AutoScaling::AutoScalingGroup";
var cfn_resource_required_tags_default = defineRule({
  id: "cfn-resource-required-tags",
  pillar: "operational-excellence",
  level: "warning",
  title: "Taggable resources carry the required tags",
  rationale: "Tags are how costs are allocated, owners found and automation targeted. A resource without the agreed keys cannot be charged back or traced to a team, and tag-based policies and scripts silently skip it.",
  remediation: "The rule reports nothing until `requiredTags` names the keys your organisation requires (`cfn-resource-required-tags: [warning, { requiredTags: [Owner, CostCenter] }]`). Add every required key with a non-empty value (values may come from parameters). Keys applied to the whole stack at deploy time belong in the `stackTags` option (a CDK stack's own tags, from the cloud assembly, count as present). Auto Scaling group tags also need `PropagateAtLaunch: true` to reach the instances.\n\n```yaml\nTags:\n  - {Key: Owner, Value: team-payments}\n  - {Key: Environment, Value: !Ref Env}\n  - {Key: Project, Value: checkout}\n```",
  wellArchitected: ["OPS02-BP01", "COST03-BP02", "COST04-BP01"],
  appliesTo: ["*"],
  tags: ["cost-optimization"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  optionsSchema: {
    type: "object",
    properties: {
      requiredTags: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
      stackTags: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true }
    },
    additionalProperties: false
  },
  defaultOptions: { requiredTags: [], stackTags: [] },
  messages: {
    missing: "{{type}} {{logicalId}} lacks the required {{tagWord}} {{missing}}.",
    empty: "{{type}} {{logicalId}} has the required tag {{key}} with an empty value.",
    notPropagated: "Required tag {{key}} of Auto Scaling group {{logicalId}} is not propagated to its instances: PropagateAtLaunch is {{state}}."
  },
  check(resource, ctx) {
    const configured = requiredOf(ctx.options);
    const stackTags = ctx.template.stackTags;
    const required = stackTags.length ? configured.filter((k) => !stackTags.includes(k)) : configured;
    if (required.length === 0) return;
    if (resource.type.startsWith("Custom::") || resource.type === "AWS::CloudFormation::CustomResource") return;
    const own = ctx.value(resource, ["Properties", "Tags"]);
    if (!TAGGABLE.has(resource.type) && own.every((v) => v.kind === "absent")) return;
    const instanceTags = resource.type === ASG2 ? launchTemplateInstanceTags(resource, ctx) : void 0;
    for (const tags2 of own) {
      const sets = readTags(tags2, ctx, required, resource.type === ASG2);
      for (const set of sets) {
        if (set === "unknown") continue;
        const because = set.forks;
        const missing = required.filter((k) => !set.tags.has(k));
        if (missing.length > 0) {
          if (set.open) ctx.unknown(set.open, "the tag keys");
          else {
            ctx.report({
              messageId: "missing",
              at: tags2,
              because,
              data: { missing: listWords(missing), tagWord: missing.length === 1 ? "tag" : "tags" }
            });
          }
        }
        for (const key of required) {
          const tag = set.tags.get(key);
          if (!tag) continue;
          if (isEmpty(tag.value)) {
            ctx.report({ messageId: "empty", at: tag.value, because: [tags2, ...because], data: { key } });
            continue;
          }
          if (tag.propagate) checkPropagation(ctx, key, tag.propagate, instanceTags, [tags2, ...because]);
        }
      }
    }
  }
});
var requiredByOptions = /* @__PURE__ */ new WeakMap();
function requiredOf(options) {
  let required = requiredByOptions.get(options);
  if (!required) {
    required = options.requiredTags.filter((k) => !options.stackTags.includes(k));
    requiredByOptions.set(options, required);
  }
  return required;
}
function isEmpty(value) {
  return value.kind === "absent" || value.kind === "literal" && (value.value === "" || value.value === null);
}
function makeAlternative(variant, deciding, name, tag, open) {
  return { variant, name, tag, open, deciding };
}
function tagSet(open) {
  return { tags: /* @__PURE__ */ new Map(), open, forks: [] };
}
function readTags(tags2, ctx, required, asg = false) {
  if (tags2.kind === "absent") return [tagSet(void 0)];
  if (tags2.kind === "unknown") return [tagSet(tags2)];
  const value = tags2.value;
  const bySlot = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) bySlot.push(slotAlternatives(tags2, i, true, ctx, required, asg));
  } else if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) bySlot.push(slotAlternatives(tags2, keys[i], false, ctx, required, asg));
  } else return ["unknown"];
  const lookup = /* @__PURE__ */ new Map();
  for (const alternatives of bySlot) for (const a of alternatives) lookup.set(a.variant, a);
  return combinations(bySlot.map((alternatives) => alternatives.map((a) => a.variant))).map((combo) => {
    const set = tagSet(void 0);
    for (const v of combo) {
      const alternative = lookup.get(v);
      if (alternative.deciding) set.forks.push(v);
      if (alternative.open) set.open ??= alternative.open;
      if (alternative.name !== void 0 && alternative.tag) set.tags.set(alternative.name, alternative.tag);
    }
    return set;
  });
}
function slotAlternatives(tags2, slot, listForm, ctx, required, asg) {
  const entries = ctx.value(tags2, [slot]);
  const forked = entries.length > 1;
  const alternatives = [];
  for (const entry of entries) {
    if (entry.kind === "absent") alternatives.push(makeAlternative(entry, forked));
    else if (!listForm) alternatives.push(makeAlternative(entry, forked, String(slot), { value: entry, propagate: void 0 }));
    else if (entry.kind === "unknown") alternatives.push(makeAlternative(entry, forked, void 0, void 0, entry));
    else {
      const keys = ctx.value(entry, ["Key"]);
      const plain = keys.length === 1 ? asString(keys[0]) : void 0;
      if (plain !== void 0 && !required.includes(plain) && keys[0].assumptions.length === entry.assumptions.length) {
        alternatives.push(makeAlternative(variantWith(keys[0], { assumptions: entry.assumptions }), forked, plain));
        continue;
      }
      for (const [key, tagValue, propagate] of combinations([
        keys,
        ctx.value(entry, ["Value"]),
        ctx.value(entry, ["PropagateAtLaunch"])
      ])) {
        const assumptions = mergeAssumptions(entry.assumptions, key.assumptions);
        const variant = variantWith(key, { assumptions });
        const deciding = forked || key.assumptions.length > entry.assumptions.length;
        const name = asString(key);
        if (name === void 0) {
          alternatives.push(makeAlternative(variant, deciding, void 0, void 0, key.kind === "unknown" ? key : void 0));
          continue;
        }
        alternatives.push(makeAlternative(variant, deciding, name, { value: tagValue, propagate: asg ? propagate : void 0 }));
      }
    }
  }
  return alternatives;
}
function launchTemplateInstanceTags(group, ctx) {
  const keys = /* @__PURE__ */ new Set();
  for (const spec of [["Properties", "LaunchTemplate"], ["Properties", "MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification"]]) {
    for (const v of ctx.value(group, spec)) {
      if (v.kind === "absent") continue;
      const ids = [...ctx.value(v, ["LaunchTemplateId"]), ...ctx.value(v, ["LaunchTemplateName"])].filter((x) => x.kind !== "absent");
      if (ids.some((x) => !x.ref)) return variantWith(v, { kind: "unknown", reason: "a launch template from outside this template" });
    }
  }
  for (const template of launchTemplatesOf(ctx, group)) {
    for (const spec of ctx.items(template, ["Properties", "LaunchTemplateData", "TagSpecifications"])) {
      if (!ctx.value(spec, ["ResourceType"]).some((t) => asString(t) === "instance")) continue;
      for (const tag of ctx.items(spec, ["Tags"])) {
        for (const key of ctx.value(tag, ["Key"])) {
          const name = asString(key);
          if (name !== void 0) keys.add(name);
        }
      }
    }
  }
  return keys;
}
function checkPropagation(ctx, key, propagate, instanceTags, because) {
  if (propagate.kind === "unknown") {
    ctx.unknown(propagate, `PropagateAtLaunch of tag ${key}`);
    return;
  }
  if (asBoolean(propagate) === true) return;
  if (instanceTags instanceof Set) {
    if (instanceTags.has(key)) return;
  } else if (instanceTags) {
    ctx.unknown(instanceTags, `the instance tags from the launch template`);
    return;
  }
  ctx.report({
    messageId: "notPropagated",
    at: propagate,
    because,
    data: { key, state: propagate.kind === "absent" ? "not set" : valueText(propagate.value) },
    fix: propagate.kind === "literal" ? { text: "true", description: "Propagate the tag at launch" } : void 0
  });
}

// rules/operational-excellence/cfn-stateful-resource-retain-policy.ts
var SNAPSHOT_TYPES = /* @__PURE__ */ new Set([
  "AWS::EC2::Volume",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::Neptune::DBCluster",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBInstance",
  "AWS::Redshift::Cluster",
  "AWS::DocDB::DBCluster"
]);
var STATEFUL = [
  "AWS::RDS::DBInstance",
  "AWS::RDS::DBCluster",
  "AWS::EC2::Volume",
  "AWS::DynamoDB::Table",
  "AWS::DynamoDB::GlobalTable",
  "AWS::S3::Bucket",
  "AWS::EFS::FileSystem",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::ElastiCache::CacheCluster",
  "AWS::Cognito::UserPool"
];
var NOTES = ["AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::KMS::Key"];
var KINDS = {
  "AWS::RDS::DBInstance": "DB instance",
  "AWS::RDS::DBCluster": "DB cluster",
  "AWS::EC2::Volume": "EBS volume",
  "AWS::DynamoDB::Table": "DynamoDB table",
  "AWS::DynamoDB::GlobalTable": "DynamoDB global table",
  "AWS::S3::Bucket": "S3 bucket",
  "AWS::EFS::FileSystem": "EFS file system",
  "AWS::ElastiCache::ReplicationGroup": "ElastiCache replication group",
  "AWS::ElastiCache::CacheCluster": "ElastiCache cluster",
  "AWS::Cognito::UserPool": "Cognito user pool",
  "AWS::SQS::Queue": "SQS queue",
  "AWS::Logs::LogGroup": "Log group",
  "AWS::KMS::Key": "KMS key"
};
var cfn_stateful_resource_retain_policy_default = defineRule({
  id: "cfn-stateful-resource-retain-policy",
  pillar: "operational-excellence",
  level: "warning",
  title: "Stateful resources survive stack deletion and replacement",
  rationale: "Without a DeletionPolicy, deleting the stack deletes the database, bucket or volume with its data. UpdateReplacePolicy defaults to Delete for every type, so a property change that forces replacement silently drops the old resource and its data.",
  remediation: "Set both `DeletionPolicy` and `UpdateReplacePolicy` to `Retain` (or `RetainExceptOnCreate`), or to `Snapshot` for types that support it (EBS volumes, RDS, ElastiCache, Neptune, Redshift). In CDK use `RemovalPolicy.RETAIN` or `SNAPSHOT`.\n\n```yaml\nDatabase:\n  Type: AWS::RDS::DBInstance\n  DeletionPolicy: Snapshot\n  UpdateReplacePolicy: Snapshot\nDataBucket:\n  Type: AWS::S3::Bucket\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain\n```",
  wellArchitected: ["OPS06-BP01", "REL09-BP01"],
  appliesTo: [...STATEFUL, ...NOTES],
  tags: ["reliability"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  optionsSchema: {
    type: "object",
    properties: {
      statefulTypes: { type: "array", items: { type: "string", enum: [...STATEFUL, ...NOTES] }, uniqueItems: true },
      noteTypes: { type: "array", items: { type: "string", enum: [...STATEFUL, ...NOTES] }, uniqueItems: true }
    },
    additionalProperties: false
  },
  defaultOptions: { statefulTypes: STATEFUL, noteTypes: NOTES },
  messages: {
    both: "{{kind}} {{logicalId}} is deleted with its data when the stack is deleted or an update replaces it: DeletionPolicy is {{deletion}}; UpdateReplacePolicy is {{replacement}}.",
    deletion: "{{kind}} {{logicalId}} is deleted with its data when the stack is deleted: DeletionPolicy is {{deletion}}.",
    replacement: "{{kind}} {{logicalId}} is deleted with its data when an update replaces it: UpdateReplacePolicy is {{replacement}}."
  },
  check(resource, ctx) {
    const note = ctx.options.noteTypes.includes(resource.type);
    if (!note && !ctx.options.statefulTypes.includes(resource.type)) return;
    const instance = resource.type === "AWS::RDS::DBInstance";
    const rds = instance || resource.type === "AWS::RDS::DBCluster";
    const none = [absentVariant([], true, [])];
    for (const [cluster, source, deletion, replacement] of combinations([
      instance ? ctx.value(resource, ["Properties", "DBClusterIdentifier"]) : none,
      instance ? ctx.value(resource, ["Properties", "SourceDBInstanceIdentifier"]) : none,
      ctx.value(resource, ["DeletionPolicy"]),
      ctx.value(resource, ["UpdateReplacePolicy"])
    ])) {
      if (isSet(cluster) || isSet(source)) continue;
      if (deletion.kind === "unknown" || replacement.kind === "unknown") {
        ctx.unknown(deletion.kind === "unknown" ? deletion : replacement, "the deletion policies");
        continue;
      }
      const d = judge(resource, deletion, rds);
      const r = judge(resource, replacement);
      if (d.ok && r.ok) continue;
      report(ctx, resource, note, d, r, deletion, replacement, [cluster, source]);
    }
  }
});
function judge(resource, policy, absentOk = false) {
  if (policy.kind === "absent") return absentOk ? { ok: true } : { ok: false, state: "not set (the default is Delete)" };
  const value = asString(policy);
  if (value === "Retain" || value === "RetainExceptOnCreate") return { ok: true };
  if (value === "Snapshot") {
    if (SNAPSHOT_TYPES.has(resource.type)) return { ok: true };
    return { ok: false, state: `Snapshot, which ${resource.type} does not support, so CloudFormation deletes it` };
  }
  return { ok: false, state: value ?? "not a valid policy" };
}
function report(ctx, resource, note, d, r, deletion, replacement, membership) {
  const kind2 = KINDS[resource.type] ?? resource.type;
  const keep = SNAPSHOT_TYPES.has(resource.type) ? "Snapshot" : "Retain";
  const fix = (v) => asString(v) === "Delete" ? { text: keep, description: `Set the policy to ${keep}` } : void 0;
  const level = note ? "note" : void 0;
  const data = { kind: kind2, deletion: d.ok ? "" : d.state, replacement: r.ok ? "" : r.state };
  if (!d.ok && !r.ok) {
    ctx.report({ messageId: "both", level, at: deletion, because: [replacement, ...membership], data });
  } else if (!d.ok) {
    ctx.report({ messageId: "deletion", level, at: deletion, because: [replacement, ...membership], data, fix: fix(deletion) });
  } else {
    ctx.report({ messageId: "replacement", level, at: replacement, because: [deletion, ...membership], data, fix: fix(replacement) });
  }
}

// rules/sustainability/lambda-function-arm64-architecture.ts
var NO_ARM64_RUNTIMES = /* @__PURE__ */ new Set([
  "nodejs",
  "nodejs4.3",
  "nodejs4.3-edge",
  "nodejs6.10",
  "nodejs8.10",
  "nodejs10.x",
  "python2.7",
  "python3.6",
  "python3.7",
  "go1.x",
  "java8",
  "ruby2.5",
  "provided",
  "dotnetcore1.0",
  "dotnetcore2.0",
  "dotnetcore2.1"
]);
var LAYER_TYPES = /* @__PURE__ */ new Set(["AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"]);
var CDK_FRAMEWORK_HANDLER = "__entrypoint__.handler";
var CDK_SINGLETON_IDS = /^(AWS679f53fac002430cb0da5b7982bd2287|LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a|BucketNotificationsHandler050a0587b7544547bf325f094a3db834|CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C)/;
var lambda_function_arm64_architecture_default = defineRule({
  id: "lambda-function-arm64-architecture",
  pillar: "sustainability",
  level: "note",
  title: "Lambda functions run on arm64 (Graviton)",
  rationale: "Lambda on arm64 (Graviton) costs about 20% less per GB-second than x86_64 and usually runs as fast or faster, using less energy for the same work. Whether a function can switch depends on its code (native dependencies, container images), which a template does not show, so this is a note.",
  remediation: "Set `Architectures: [arm64]` after checking that native dependencies, container images and layers have arm64 builds (for SAM, once in `Globals`).\n\n```yaml\nArchitectures: [arm64]\n# SAM: Globals: {Function: {Architectures: [arm64]}}\n```",
  wellArchitected: ["SUS05-BP02", "COST06-BP02", "PERF02-BP01"],
  appliesTo: ["AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::Lambda::LayerVersion"],
  tags: ["cost-optimization", "performance-efficiency"],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    x86: "Lambda function {{logicalId}} runs on x86_64 ({{state}}): arm64 (Graviton) costs about 20% less per GB-second.",
    image: "Lambda function {{logicalId}} is a container image on x86_64 ({{state}}): rebuilt for arm64 it would cost about 20% less per GB-second.",
    layerX86Only: "Lambda function {{logicalId}} runs on x86_64 ({{state}}), and its layer {{layer}} is built for x86_64 only: publish an arm64 build of the layer before switching."
  },
  check(resource, ctx) {
    if (LAYER_TYPES.has(resource.type)) return;
    if (CDK_SINGLETON_IDS.test(resource.logicalId)) return;
    const prop = (name) => ctx.value(resource, ["Properties", name]);
    const blocking = x86OnlyLayers(resource, ctx);
    for (const [runtime, packageType, list2, handler] of combinations([prop("Runtime"), prop("PackageType"), prop("Architectures"), prop("Handler")])) {
      if (asString(handler) === CDK_FRAMEWORK_HANDLER) continue;
      const image = asString(packageType) === "Image";
      if (!image) {
        if (runtime.kind === "unknown") {
          ctx.unknown(runtime, "the runtime");
          continue;
        }
        const name = asString(runtime);
        if (name === void 0 || NO_ARM64_RUNTIMES.has(name)) continue;
      }
      for (const arch of architectures(list2, ctx)) {
        if (arch === "arm64") continue;
        if (arch.kind === "unknown") {
          ctx.unknown(arch, "Architectures");
          continue;
        }
        const state2 = arch.kind === "absent" ? "Architectures is not set, and the default is x86_64" : fromSamGlobals(ctx, resource, arch) ? "Globals sets Architectures to x86_64" : "Architectures is x86_64";
        const because = [runtime, packageType];
        const layer = blocking.find((l) => combinations([[arch], [l.variant]]).length > 0);
        if (layer) {
          ctx.report({ messageId: "layerX86Only", at: arch, because: [...because, layer.variant], data: { state: state2, layer: layer.name } });
        } else if (image) {
          ctx.report({ messageId: "image", at: arch, because, data: { state: state2 } });
        } else {
          ctx.report({
            messageId: "x86",
            at: arch,
            because,
            data: { state: state2 },
            fix: arch.kind === "literal" ? { text: "arm64", description: "Run on arm64" } : void 0
          });
        }
      }
    }
  }
});
function architectures(list2, ctx) {
  if (list2.kind !== "literal" || !Array.isArray(list2.value)) return [list2];
  const slots = list2.value.map((_, i) => ctx.value(list2, [i]));
  return combinations(slots).map((combo) => {
    const elements = combo.filter((e) => e.kind !== "absent");
    if (elements.length === 0) return variantWith(list2, { kind: "absent" });
    if (elements.some((e) => asString(e) === "arm64")) return "arm64";
    const unknown = elements.find((e) => e.kind === "unknown");
    if (unknown) return unknown;
    return elements.find((e) => asString(e) === "x86_64") ?? variantWith(list2, { kind: "unknown", reason: "not a known architecture" });
  });
}
function x86OnlyLayers(fn, ctx) {
  const lists = ctx.value(fn, ["Properties", "Layers"]);
  const out = [];
  for (const layer of lists.flatMap((list2) => ctx.items(list2, []))) {
    const target = layer.ref && ctx.template.resources.get(layer.ref.logicalId);
    if (!target || !LAYER_TYPES.has(target.type)) continue;
    for (const compatible of ctx.value(target, ["Properties", "CompatibleArchitectures"])) {
      if (compatible.kind !== "literal") continue;
      const names = ctx.items(compatible, []).map(asString);
      if (names.includes("x86_64") && !names.includes("arm64") && names.every((n) => n !== void 0)) {
        const assumptions = mergeAssumptions(layer.assumptions, compatible.assumptions);
        if (assumptions) out.push({ name: target.logicalId, variant: variantWith(layer, { assumptions }) });
      }
    }
  }
  return out;
}

// rules/index.ts
var rules = [
  cloudfront_viewer_policy_https_default,
  ebs_volume_encrypted_default,
  ec2_imdsv2_check_default,
  ec2_sg_rdp_restricted_default,
  ec2_sg_ssh_restricted_default,
  elb_listener_https_enforced_default,
  iam_policy_no_statements_with_admin_access_default,
  rds_instance_public_access_check_default,
  rds_storage_encrypted_default,
  s3_bucket_level_public_access_prohibited_default,
  vpc_flow_logs_enabled_default,
  autoscaling_elb_health_check_default,
  autoscaling_multiple_az_default,
  ec2_placement_group_not_cluster_default,
  elasticache_multi_az_enabled_default,
  elb_cross_zone_load_balancing_enabled_default,
  rds_automated_backups_enabled_default,
  rds_deletion_protection_enabled_default,
  rds_multi_az_enabled_default,
  autoscaling_scaling_policy_configured_default,
  ebs_volume_type_gp3_default,
  ec2_instance_type_current_generation_default,
  s3_lifecycle_policy_check_default,
  cfn_resource_required_tags_default,
  cfn_stateful_resource_retain_policy_default,
  lambda_function_arm64_architecture_default
];

// src/engine/generated/wa-practices.ts
var waPractices = {
  "COST01-BP07": { "title": "Keep up-to-date with new service releases", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_cloud_financial_management_scheduled.html" },
  "COST03-BP02": { "title": "Add organization information to cost and usage", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_monitor_usage_org_information.html" },
  "COST04-BP01": { "title": "Track resources over their lifetime", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_decomissioning_resources_track.html" },
  "COST04-BP05": { "title": "Enforce data retention policies", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_decomissioning_resources_data_retention.html" },
  "COST06-BP02": { "title": "Select resource type, size, and number based on data", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_type_size_number_resources_data.html" },
  "COST09-BP03": { "title": "Supply resources dynamically", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/cost_manage_demand_resources_dynamic.html" },
  "OPS02-BP01": { "title": "Resources have identified owners", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_ops_model_def_resource_owners.html" },
  "OPS05-BP02": { "title": "Test and validate changes", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_dev_integ_test_val_chg.html" },
  "OPS06-BP01": { "title": "Plan for unsuccessful changes", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_mit_deploy_risks_plan_for_unsucessful_changes.html" },
  "OPS08-BP02": { "title": "Analyze workload logs", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/ops_workload_observability_analyze_workload_logs.html" },
  "PERF02-BP01": { "title": "Select the best compute options for your workload", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_select_best_compute_options.html" },
  "PERF02-BP05": { "title": "Scale your compute resources dynamically", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_compute_hardware_scale_compute_resources_dynamically.html" },
  "PERF03-BP02": { "title": "Evaluate available configuration options for data store", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_data_evaluate_configuration_options_data_store.html" },
  "PERF04-BP04": { "title": "Use load balancing to distribute traffic across multiple resources", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/perf_networking_load_balancing_distribute_traffic.html" },
  "REL06-BP01": { "title": "Monitor all components for the workload (Generation)", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_monitor_aws_resources_monitor_resources.html" },
  "REL07-BP01": { "title": "Use automation when obtaining or scaling resources", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_adapt_to_changes_autoscale_adapt.html" },
  "REL09-BP01": { "title": ">-", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_backing_up_data_identified_backups_data.html" },
  "REL09-BP03": { "title": "Perform data backup automatically", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_backing_up_data_automated_backups_data.html" },
  "REL10-BP01": { "title": "Deploy the workload to multiple locations", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_fault_isolation_multiaz_region_system.html" },
  "REL10-BP03": { "title": "Use bulkhead architectures to limit scope of impact", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_fault_isolation_use_bulkhead.html" },
  "REL11-BP01": { "title": "Monitor all components of the workload to detect failures", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_withstand_component_failures_monitoring_health.html" },
  "REL11-BP02": { "title": "Fail over to healthy resources", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_withstand_component_failures_failover2good.html" },
  "REL11-BP03": { "title": "Automate healing on all layers", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_withstand_component_failures_auto_healing_system.html" },
  "SEC02-BP02": { "title": "Use temporary credentials", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_identities_unique.html" },
  "SEC03-BP02": { "title": "Grant least privilege access", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_least_privileges.html" },
  "SEC03-BP07": { "title": "Analyze public and cross-account access", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_analyze_cross_account.html" },
  "SEC04-BP01": { "title": "Configure service and application logging", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_detect_investigate_events_app_service_logging.html" },
  "SEC05-BP01": { "title": "Create network layers", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_create_layers.html" },
  "SEC05-BP02": { "title": "Control traffic flow within your network layers", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_network_protection_layered.html" },
  "SEC06-BP02": { "title": "Provision compute from hardened images", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_compute_hardened_images.html" },
  "SEC08-BP01": { "title": "Implement secure key management", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_key_mgmt.html" },
  "SEC08-BP02": { "title": "Enforce encryption at rest", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_encrypt.html" },
  "SEC08-BP04": { "title": "Enforce access control", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_rest_access_control.html" },
  "SEC09-BP02": { "title": "Enforce encryption in transit", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_protect_data_transit_encrypt.html" },
  "SUS02-BP01": { "title": "Scale workload infrastructure dynamically", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_user_a2.html" },
  "SUS04-BP03": { "title": "Use policies to manage the lifecycle of your datasets", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_data_a4.html" },
  "SUS05-BP02": { "title": "Use instance types with the least impact", "url": "https://docs.aws.amazon.com/wellarchitected/latest/framework/sus_sus_hardware_a3.html" }
};

// src/engine/builtin.ts
var PARSE_ERROR_RULE = {
  id: "template-parse-error",
  pillar: "operational-excellence",
  level: "error",
  title: "Templates parse and have a valid CloudFormation structure",
  rationale: "CloudFormation rejects a template it cannot parse (YAML or JSON syntax, duplicate keys, aliases, unknown tags) or whose structure is wrong (Resources not a mapping, a resource without Type). Nothing else in the file can be checked reliably until it is fixed.",
  remediation: "Fix the syntax or structure at the reported location. Run `pillars-lint` again to see the other findings of the file.",
  wellArchitected: ["OPS05-BP02"],
  securityHub: [],
  appliesTo: [],
  tags: [],
  // cfn-lint E0000: JSON/YAML parse errors. (E0001 is a failed SAM transform, which pillars-lint does not report.)
  peers: { "cfn-lint": [{ id: "E0000" }] },
  helpUri: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html",
  builtin: true
};
var suppressionMeta = {
  pillar: "operational-excellence",
  level: "warning",
  wellArchitected: ["OPS05-BP02"],
  securityHub: [],
  appliesTo: [],
  tags: [],
  peers: {},
  helpUri: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/metadata-section-structure.html",
  builtin: true
};
var INVALID_SUPPRESSION_RULE = {
  ...suppressionMeta,
  id: "invalid-suppression",
  title: "Suppressions name a known rule and give a reason",
  rationale: "A suppression is a decision others must be able to audit later. An entry without a reason, or for a rule that does not exist, hides nothing and suggests a problem is handled when it is not.",
  remediation: "Give the entry a reason, and use a rule id from `pillars-lint rules`.\n\n```yaml\nMetadata:\n  pillars-lint:\n    ignore:\n      - id: ec2-sg-ssh-restricted\n        reason: Bastion ingress is closed by the org-wide firewall policy\n```"
};
var UNUSED_SUPPRESSION_RULE = {
  ...suppressionMeta,
  id: "unused-suppression",
  title: "Suppressions still match a finding",
  rationale: "A suppression that matches nothing is stale: the problem was fixed or moved, and the entry would silently hide a future one.",
  remediation: "Remove the entry from the Metadata."
};
var NESTED_STACK_CYCLE_RULE = {
  id: "nested-stack-cycle",
  pillar: "operational-excellence",
  level: "error",
  title: "Nested stacks do not nest their own ancestors",
  rationale: "A nested stack whose template (directly or through other nested stacks) deploys the template that contains it would create stacks without end: packaging or deployment fails, or runs into the account's stack quota.",
  remediation: "Point the TemplateURL at the template meant to be nested, and break the loop.",
  wellArchitected: ["OPS05-BP02"],
  securityHub: [],
  appliesTo: ["AWS::CloudFormation::Stack", "AWS::Serverless::Application"],
  tags: [],
  peers: {},
  helpUri: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-nested-stacks.html",
  builtin: true
};
var NESTED_STACK_MISSING_RULE = {
  ...NESTED_STACK_CYCLE_RULE,
  id: "nested-stack-template-missing",
  title: "Local nested stack templates exist",
  rationale: "A nested stack with a local TemplateURL is uploaded by `aws cloudformation package` (or `sam package`); a path that leads to no file fails the packaging, and nothing in the nested stack can be checked.",
  remediation: "Fix the path (it is relative to the folder of the template that contains it), or add the template."
};
var LOOP_NOT_EXPANDED_RULE = {
  id: "foreach-not-expanded",
  pillar: "operational-excellence",
  level: "note",
  title: "Fn::ForEach loops can be expanded before deployment",
  rationale: "pillars-lint expands AWS::LanguageExtensions loops as CloudFormation does, so the resources they make are checked like any other. A loop whose collection is only known at deploy time (a parameter without a Default, an import, a mapping key that depends on the region) cannot be expanded here, and none of its resources is checked.",
  remediation: "Give the collection parameter a Default, or pass its value (`--parameter Name=a,b`), so the loop can be expanded and its resources linted.",
  wellArchitected: ["OPS05-BP02"],
  securityHub: [],
  appliesTo: [],
  tags: [],
  peers: {},
  helpUri: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html",
  builtin: true
};
var BUILTIN_RULES = [
  PARSE_ERROR_RULE,
  INVALID_SUPPRESSION_RULE,
  UNUSED_SUPPRESSION_RULE,
  NESTED_STACK_CYCLE_RULE,
  NESTED_STACK_MISSING_RULE,
  LOOP_NOT_EXPANDED_RULE
];

// src/engine/run-rules.ts
init_locate();
init_types();

// src/graph/graph.ts
var ResourceGraph = class {
  constructor(template) {
    this.template = template;
  }
  template;
  /** For each resource walked so far: its edges to other resources, and to conditions. */
  walked = /* @__PURE__ */ new Map();
  /** Edges into each resource from the resources of one type, by that type; '' for every type. */
  incoming = /* @__PURE__ */ new Map();
  conditionUsers;
  /** Resources of a type, in template order. */
  ofType(type) {
    return this.template.byType.get(type) ?? [];
  }
  edgesFrom(logicalId) {
    const resource = this.template.resources.get(logicalId);
    return resource ? this.edgesOf(resource).edges : [];
  }
  edgesTo(logicalId) {
    return this.incomingFrom(void 0).get(logicalId) ?? [];
  }
  /**
   * Who references `logicalId`, optionally only resources of `fromType` and only through a property path
   * that starts with `via` (e.g. ['Properties', 'ResourceId']).
   */
  referrers(logicalId, fromType, via) {
    const found = [];
    for (const edge of this.incomingFrom(fromType).get(logicalId) ?? []) {
      if (via && !startsWith(edge.path, via)) continue;
      found.push({ resource: this.template.resources.get(edge.from), edge });
    }
    return found;
  }
  /** Resources that `logicalId` references, optionally of one type. */
  targets(logicalId, toType) {
    const found = [];
    for (const edge of this.edgesFrom(logicalId)) {
      const resource = this.template.resources.get(edge.to);
      if (resource && (!toType || resource.type === toType)) found.push({ resource, edge });
    }
    return found;
  }
  /** Edges from resources to a condition: their own `Condition`, or an `Fn::If` on it in their properties. */
  usersOfCondition(name) {
    if (!this.conditionUsers) {
      this.conditionUsers = /* @__PURE__ */ new Map();
      for (const resource of this.template.resources.values()) {
        for (const edge of this.edgesOf(resource).conditions) push(this.conditionUsers, edge.to, edge);
      }
    }
    return this.conditionUsers.get(name) ?? [];
  }
  /** Incoming edges from the resources of `type` (or of every type), in template order. */
  incomingFrom(type) {
    const key = type ?? "";
    let index = this.incoming.get(key);
    if (!index) {
      index = /* @__PURE__ */ new Map();
      const sources = type === void 0 ? this.template.resources.values() : this.ofType(type);
      for (const resource of sources) for (const edge of this.edgesOf(resource).edges) push(index, edge.to, edge);
      this.incoming.set(key, index);
    }
    return index;
  }
  edgesOf(resource) {
    let found = this.walked.get(resource.logicalId);
    if (!found) {
      found = { edges: [], conditions: [] };
      this.collect(resource, found);
      this.walked.set(resource.logicalId, found);
    }
    return found;
  }
  add(into, edge) {
    if (edge.kind === "Condition") {
      into.conditions.push(edge);
      return;
    }
    if (!this.template.resources.has(edge.to) || edge.to === edge.from) return;
    into.edges.push(edge);
  }
  collect(resource, into) {
    const from = resource.logicalId;
    resource.dependsOn.forEach((to, i) => this.add(into, { from, to, kind: "DependsOn", path: ["DependsOn", i] }));
    if (resource.condition) this.add(into, { from, to: resource.condition, kind: "Condition", path: ["Condition"] });
    const path11 = [];
    for (const key of ["Properties", "Metadata"]) {
      if (resource.node[key] === void 0) continue;
      path11.push(key);
      this.walk(into, from, resource.node[key], path11);
      path11.pop();
    }
  }
  /**
   * Depth first through one value; `path` is where it sits, copied only where an edge is found (most nodes are not
   * references). The recursion is as deep as the document, which both parsers cap at MAX_DEPTH.
   */
  walk(into, from, node, path11) {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path11.push(i);
        this.walk(into, from, node[i], path11);
        path11.pop();
      }
      return;
    }
    const intrinsic = intrinsicOf(node);
    if (intrinsic) {
      const { name, args } = intrinsic;
      if (name === "Ref" && typeof args === "string") {
        if (this.template.resources.has(args)) this.add(into, { from, to: args, kind: "Ref", path: [...path11] });
        return;
      }
      if (name !== "Ref") this.intrinsicEdges(into, from, name, args, path11);
    }
    for (const key in node) {
      path11.push(key);
      this.walk(into, from, node[key], path11);
      path11.pop();
    }
  }
  intrinsicEdges(into, from, name, args, path11) {
    if (name === "Fn::If" && Array.isArray(args) && typeof args[0] === "string") {
      this.add(into, { from, to: args[0], kind: "Condition", path: [...path11] });
    } else if (name === "Fn::GetAtt") {
      const target = getAttTarget(args);
      if (target) this.add(into, { from, to: target.logicalId, kind: "GetAtt", attribute: target.attribute, path: [...path11] });
    } else if (name === "Fn::Sub") {
      const text = typeof args === "string" ? args : Array.isArray(args) && typeof args[0] === "string" ? args[0] : void 0;
      if (text === void 0) return;
      const variables = Array.isArray(args) && isPlainObject2(args[1]) ? args[1] : {};
      for (const part of parseSubString(text)) {
        if (typeof part !== "string" && !(part.name in variables)) {
          this.add(into, { from, to: part.name, kind: "Sub", attribute: part.attribute, path: [...path11] });
        }
      }
    }
  }
};
function getAttTarget(args) {
  if (Array.isArray(args) && typeof args[0] === "string") {
    return { logicalId: args[0], attribute: typeof args[1] === "string" ? args[1] : void 0 };
  }
  if (typeof args === "string" && args.length > 0) {
    const dot = args.indexOf(".");
    return dot > 0 ? { logicalId: args.slice(0, dot), attribute: args.slice(dot + 1) } : { logicalId: args };
  }
  return void 0;
}
function startsWith(path11, prefix) {
  if (prefix.length > path11.length) return false;
  return prefix.every((segment, i) => path11[i] === segment);
}
function push(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/values/resolver.ts
var MAX_VARIANTS = 64;
var MAX_OUTCOMES = 256;
var MAX_ALTERNATIVES = 24;
var MAX_DEPTH2 = 64;
var VALUE_BUDGET = 1e5;
var TEMPLATE_BUDGET = 2e6;
var MAX_TEXT = 1 << 20;
var TOO_COMPLEX = "too complex to evaluate";
var TOO_MANY = "too many combinations of parameters and conditions";
var TOO_COMPLEX_ORIGIN = { kind: "too-complex" };
var JOIN = { kind: "intrinsic", name: "Fn::Join" };
var SUB = { kind: "intrinsic", name: "Fn::Sub" };
var ValueResolver = class {
  constructor(template, given) {
    this.template = template;
    this.given = given;
  }
  template;
  given;
  conditionMemo = /* @__PURE__ */ new Map();
  conditionsInProgress = /* @__PURE__ */ new Set();
  rootMemo = /* @__PURE__ */ new Map();
  /** Work done on this template so far (see VALUE_BUDGET). */
  spent = 0;
  /** The value of `spent` at which the value being evaluated is over its budget. */
  stopAt = VALUE_BUDGET;
  /** Set once the value being evaluated is over its budget: from then on every intrinsic answers at once. */
  over = false;
  /**
   * The variants a resource starts from: one per way its own `Condition` can hold.
   * A resource whose condition is false in every case yields none (it is never created).
   */
  roots(resource) {
    const memo = this.rootMemo.get(resource.logicalId);
    if (memo) return memo;
    const base = literalVariant(resource.node, [], false, resource.loop?.parameters.length ? loopAssumptions(resource.loop.parameters) : []);
    let roots = [base];
    if (resource.condition) {
      roots = [];
      this.startValue();
      for (const outcome of this.branchesOf(resource.condition, 0)) {
        const assumptions = outcome.value ? mergeAssumptions(base.assumptions, outcome.assumptions) : void 0;
        if (assumptions) roots.push(variantWith(base, { assumptions }));
      }
    }
    this.rootMemo.set(resource.logicalId, roots);
    return roots;
  }
  /**
   * Walks `path` from each variant, resolving intrinsics at every step and forking on undecidable Fn::If. What the
   * value's budget did not reach is an unknown variant: too complex to evaluate.
   */
  navigate(from, path11) {
    this.startValue();
    return this.walk(from, path11);
  }
  /** The elements of list-valued variants, each as a variant of its own (evaluated within one budget). */
  elements(lists) {
    this.startValue();
    const out = [];
    for (let l = 0; l < lists.length; l++) {
      const v = lists[l];
      if (v.kind === "absent") continue;
      if (v.kind === "unknown" || !Array.isArray(v.value)) {
        out.push(v.kind === "unknown" ? v : variantWith(v, { kind: "unknown", value: void 0, reason: "not a list" }));
        continue;
      }
      for (let i = 0; i < v.value.length; i++) {
        const items = this.walk([v], [i]);
        for (let k = 0; k < items.length; k++) out.push(items[k]);
      }
    }
    return out;
  }
  /** A new value starts: it may spend VALUE_BUDGET, as long as the template's budget lasts. */
  startValue() {
    this.stopAt = Math.min(this.spent + VALUE_BUDGET, TEMPLATE_BUDGET);
    this.over = false;
    mergeWork.steps = 0;
  }
  /** Counts `units` of work, and the merges done since, against the budget; false once the value is over it. */
  charge(units) {
    this.spent += units + mergeWork.steps;
    mergeWork.steps = 0;
    if (this.spent > this.stopAt) this.over = true;
    return !this.over;
  }
  walk(from, path11) {
    if (from.length === 1 && path11.length > 0) {
      const plain = this.plainWalk(from[0], path11);
      if (plain) return plain;
    }
    let current = from;
    for (let p = 0; p < path11.length; p++) {
      const segment = path11[p];
      const next = [];
      for (let i = 0; i < current.length; i++) {
        const v = current[i];
        if (v.kind !== "literal") {
          next.push(v);
          continue;
        }
        const container = v.value;
        let child;
        if (Array.isArray(container) && typeof segment === "number") child = container[segment];
        else if (isPlainObject2(container) && typeof segment === "string") child = container[segment];
        else {
          next.push(variantWith(v, { kind: "unknown", value: void 0, reason: `${describeType(container)} has no ${JSON.stringify(segment)}` }));
          continue;
        }
        const childPath = v.external ? v.path : [...v.path, segment];
        const resolved = this.resolve(child, childPath, v.external, v.assumptions);
        for (let r = 0; r < resolved.length; r++) next.push(resolved[r]);
      }
      current = cap(next, path11);
    }
    return current;
  }
  /**
   * navigate() for the common walk through plain values only (no intrinsic on the way): the same result, without a
   * variant and a path for every step. Undefined when the walk meets anything else; navigate() then takes it.
   */
  plainWalk(v, path11) {
    if (v.kind !== "literal") return void 0;
    let node = v.value;
    for (let p = 0; p < path11.length; p++) {
      const segment = path11[p];
      let child;
      if (Array.isArray(node) && typeof segment === "number") child = node[segment];
      else if (isPlainObject2(node) && typeof segment === "string") child = node[segment];
      else return void 0;
      if (child === void 0) {
        const at = v.external ? v.path : v.path.concat(p === path11.length - 1 ? path11 : path11.slice(0, p + 1));
        return [absentVariant(at, v.external, v.assumptions)];
      }
      if (!isPlainLiteral(child)) return void 0;
      node = child;
    }
    return [literalVariant(node, v.external ? v.path : v.path.concat(path11), v.external, v.assumptions)];
  }
  /** Resolves the top-level intrinsic of a node. */
  resolve(node, path11, external, assumptions, depth = 0) {
    if (node === void 0) return [absentVariant(path11, external, assumptions)];
    if (isPlainLiteral(node)) return [literalVariant(node, path11, external, assumptions)];
    if (typeof node !== "object" || node === null) {
      return [unknownVariant("a dynamic reference, resolved at deploy time", path11, external, assumptions, { kind: "dynamic-reference" })];
    }
    const intrinsic = node instanceof Opaque ? void 0 : intrinsicOf(node);
    return this.resolveIntrinsic(node, intrinsic, path11, external, assumptions, depth);
  }
  resolveIntrinsic(node, intrinsic, path11, external, assumptions, depth) {
    const unknown = (reason, extra) => [
      extra ? Object.assign(unknownVariant(reason, path11, external, assumptions), extra) : unknownVariant(reason, path11, external, assumptions, reason === TOO_COMPLEX ? TOO_COMPLEX_ORIGIN : void 0)
    ];
    if (node instanceof Opaque) return unknown(node.reason, { opaque: node.id });
    if (depth > MAX_DEPTH2) return unknown("intrinsics nested too deeply");
    const { name, args } = intrinsic;
    if (name === "Ref") return this.resolveRef(args, path11, external, assumptions);
    if (name === "Fn::GetAtt") {
      const target = getAttTarget(args);
      if (!target) return [unknownVariant("a malformed Fn::GetAtt", path11, external, assumptions)];
      const v = unknownVariant(`an attribute of resource ${clip(target.logicalId)}`, path11, external, assumptions);
      v.ref = target;
      return [v];
    }
    if (!this.charge(1)) return unknown(TOO_COMPLEX);
    const at = (segment) => external ? path11 : [...path11, segment];
    const sub = (child, childPath, base = assumptions) => this.resolve(child, childPath, external, base, depth + 1);
    const literal2 = (value, base) => literalVariant(value, path11, external, base);
    switch (name) {
      case "Fn::If": {
        if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== "string") return unknown("a malformed Fn::If");
        const out = [];
        const outcomes = this.branchesOf(args[0], depth + 1);
        if (!this.charge(outcomes.length)) return unknown(TOO_COMPLEX);
        for (let o = 0; o < outcomes.length && out.length <= MAX_VARIANTS; o++) {
          const outcome = outcomes[o];
          const merged = mergeAssumptions(assumptions, outcome.assumptions);
          if (!merged) continue;
          const index = outcome.value ? 1 : 2;
          const branch = sub(args[index], external ? path11 : [...path11, "Fn::If", index], merged);
          for (let b = 0; b < branch.length; b++) out.push(branch[b]);
        }
        return cap(out, path11);
      }
      case "Fn::FindInMap":
        return this.findInMap(args, path11, external, assumptions, depth);
      case "Fn::Sub":
        return this.substitute(args, path11, external, assumptions, depth);
      case "Fn::Join": {
        if (!Array.isArray(args) || args.length !== 2) return unknown("a malformed Fn::Join");
        const out = [];
        const readings = this.combine([sub(args[0], at("Fn::Join")), sub(args[1], at("Fn::Join"))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany2(path11);
        for (let r = 0; r < readings.length && out.length <= MAX_VARIANTS && !this.over; r++) {
          const [delimiter, list2] = readings[r];
          if (delimiter.kind !== "literal" || list2.kind !== "literal" || !Array.isArray(list2.value)) {
            out.push(unknownVariant("Fn::Join of values that are not all known", path11, external, assumptions, JOIN));
            continue;
          }
          const items = list2.value;
          const parts = [];
          for (let i = 0; i < items.length && !this.over; i++) parts.push(sub(items[i], at("Fn::Join"), list2.assumptions));
          const combos = this.combine(parts);
          if (!combos) return this.over ? unknown(TOO_COMPLEX) : tooMany2(path11);
          for (let c = 0; c < combos.length; c++) {
            const combo = combos[c];
            const merged = mergeAssumptionLists([delimiter.assumptions, list2.assumptions, ...combo.map(assumptionsOf)]);
            if (!merged) continue;
            out.push(this.text(combo, scalarText(delimiter.value), path11, external, merged) ?? unknownVariant("Fn::Join of values that are not all known", path11, external, assumptions, JOIN));
          }
        }
        return this.over ? unknown(TOO_COMPLEX) : cap(out, path11);
      }
      case "Fn::Select": {
        if (!Array.isArray(args) || args.length !== 2) return unknown("a malformed Fn::Select");
        const out = [];
        const readings = this.combine([sub(args[0], at("Fn::Select")), sub(args[1], at("Fn::Select"))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany2(path11);
        for (let r = 0; r < readings.length && out.length <= MAX_VARIANTS && !this.over; r++) {
          const [index, list2] = readings[r];
          const i = index.kind === "literal" ? Number(index.value) : NaN;
          if (!Number.isInteger(i) || list2.kind !== "literal" || !Array.isArray(list2.value)) {
            out.push(unknownVariant("Fn::Select over values that are not known", path11, external, assumptions));
            continue;
          }
          const merged = mergeAssumptions(index.assumptions, list2.assumptions);
          const items = list2.value;
          if (i < 0 || i >= items.length) out.push(unknownVariant(`Fn::Select index ${i} is out of range`, path11, external, assumptions));
          else {
            const chosen = sub(items[i], at("Fn::Select"), merged);
            for (let c = 0; c < chosen.length; c++) out.push(chosen[c]);
          }
        }
        return this.over ? unknown(TOO_COMPLEX) : cap(out, path11);
      }
      case "Fn::Split": {
        if (!Array.isArray(args) || args.length !== 2) return unknown("a malformed Fn::Split");
        const out = [];
        const readings = this.combine([sub(args[0], at("Fn::Split")), sub(args[1], at("Fn::Split"))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany2(path11);
        for (let r = 0; r < readings.length; r++) {
          const [delimiter, text] = readings[r];
          if (delimiter.kind !== "literal" || text.kind !== "literal" || typeof text.value !== "string") {
            out.push(unknownVariant("Fn::Split of a value that is not known", path11, external, assumptions));
            continue;
          }
          const merged = mergeAssumptions(delimiter.assumptions, text.assumptions);
          const parts = text.value.split(scalarText(delimiter.value));
          if (!this.charge(parts.length >> 4)) return unknown(TOO_COMPLEX);
          out.push(literal2(parts, merged));
        }
        return this.over ? unknown(TOO_COMPLEX) : out;
      }
      case "Fn::GetAZs":
        return [literal2([0, 1, 2].map((i) => new Opaque(`az:${i}`, `Availability Zone ${i + 1} of the region`)), assumptions)];
      case "Fn::Cidr": {
        if (!Array.isArray(args) || args.length !== 3) return unknown("a malformed Fn::Cidr");
        const out = [];
        const readings = this.combine([sub(args[0], at("Fn::Cidr")), sub(args[1], at("Fn::Cidr")), sub(args[2], at("Fn::Cidr"))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany2(path11);
        for (let r = 0; r < readings.length; r++) {
          const [block, count2, bits] = readings[r];
          const cidrs = block.kind === "literal" && count2.kind === "literal" && bits.kind === "literal" ? cidrSubnets(String(block.value), Number(count2.value), Number(bits.value)) : void 0;
          if (!cidrs) out.push(unknownVariant("Fn::Cidr of values that are not known", path11, external, assumptions));
          else out.push(literal2(cidrs, mergeAssumptions(block.assumptions, count2.assumptions, bits.assumptions)));
        }
        return this.over ? unknown(TOO_COMPLEX) : out;
      }
      case "Fn::Base64":
        return sub(args, at("Fn::Base64"));
      case "Fn::Length": {
        const lists = sub(args, at("Fn::Length"));
        if (this.over) return unknown(TOO_COMPLEX);
        return lists.map(
          (v) => v.kind === "literal" && Array.isArray(v.value) ? variantWith(v, { path: path11, value: v.value.length }) : variantWith(v, { kind: "unknown", reason: "Fn::Length of an unknown list" })
        );
      }
      case "Fn::ImportValue":
        return [unknownVariant("an Fn::ImportValue from another stack", path11, external, assumptions, { kind: "intrinsic", name: "Fn::ImportValue" })];
      case "Fn::Transform":
        return [unknownVariant("the output of a macro (Fn::Transform)", path11, external, assumptions, { kind: "intrinsic", name: "Fn::Transform" })];
      default:
        return unknown(`the result of ${clip(name)}`);
    }
  }
  resolveRef(args, path11, external, assumptions) {
    if (typeof args !== "string") return [unknownVariant("a malformed Ref", path11, external, assumptions)];
    if (args === "AWS::NoValue") return [absentVariant(path11, external, assumptions)];
    if (PSEUDO_PARAMETERS.has(args)) {
      const v = unknownVariant(`the pseudo parameter ${args}`, path11, external, assumptions);
      v.pseudo = args;
      return [v];
    }
    if (this.template.parameters.has(args)) return this.parameterVariants(args, path11, external, assumptions);
    if (this.template.resources.has(args)) {
      const v = unknownVariant(`a reference to resource ${clip(args)}`, path11, external, assumptions);
      v.ref = { logicalId: args };
      return [v];
    }
    return [unknownVariant(`Ref to ${clip(args)}, which is not defined in the template`, path11, external, assumptions)];
  }
  /** The values a parameter can take: the given value, else the Default (AllowedValues as alternatives). */
  parameterVariants(name, path11, external, assumptions) {
    const param = this.template.parameters.get(name);
    if (param.type.startsWith("AWS::SSM::Parameter::Value")) {
      return [unknownVariant(`parameter ${clip(name)} is read from SSM at deploy time`, path11, external, assumptions, { kind: "parameter", name })];
    }
    const out = [];
    const givenValue = this.given.get(name);
    if (givenValue !== void 0) {
      parameterValue2(param, givenValue, "given", path11, assumptions, out);
      return out;
    }
    for (let i = 0; i < assumptions.length; i++) {
      const a = assumptions[i];
      if (a.kind === "parameter" && a.name === name) {
        parameterValue2(param, a.value, a.source, path11, assumptions, out);
        return out;
      }
    }
    if (param.default === void 0 || param.default === null) {
      return [unknownVariant(`parameter ${clip(name)} has no Default`, path11, external, assumptions, { kind: "parameter", name })];
    }
    parameterValue2(param, param.default, "default", path11, assumptions, out);
    const allowed = param.allowedValues ?? [];
    for (let i = 0; i < allowed.length && i < MAX_ALTERNATIVES; i++) {
      if (String(allowed[i]) !== String(param.default)) parameterValue2(param, allowed[i], "allowed", path11, assumptions, out);
    }
    return out;
  }
  findInMap(args, path11, external, assumptions, depth) {
    if (!Array.isArray(args) || args.length < 3) return [unknownVariant("a malformed Fn::FindInMap", path11, external, assumptions)];
    const keyPath = external ? path11 : [...path11, "Fn::FindInMap"];
    const keys = [
      this.resolve(args[0], keyPath, external, assumptions, depth + 1),
      this.resolve(args[1], keyPath, external, assumptions, depth + 1),
      this.resolve(args[2], keyPath, external, assumptions, depth + 1)
    ];
    const fallback = isPlainObject2(args[3]) ? args[3].DefaultValue : void 0;
    const out = [];
    const readings = this.combine(keys);
    if (!readings) return this.over ? [unknownVariant(TOO_COMPLEX, path11, external, assumptions, TOO_COMPLEX_ORIGIN)] : tooMany2(path11);
    for (let i = 0; i < readings.length && out.length <= MAX_VARIANTS && !this.over; i++) {
      const [mapName, top, second] = readings[i];
      this.mapEntries(mapName, top, second, fallback, path11, external, assumptions, depth, out);
    }
    if (this.over) out.push(unknownVariant(TOO_COMPLEX, path11, external, assumptions, TOO_COMPLEX_ORIGIN));
    return cap(out, path11);
  }
  /**
   * Fn::FindInMap for one reading of its three keys, into `out`. An unknown key (e.g. AWS::Region) means every entry
   * is possible: they are evaluated as alternatives.
   */
  mapEntries(mapName, top, second, fallback, path11, external, assumptions, depth, out) {
    if (mapName.kind !== "literal") {
      out.push(unknownVariant("Fn::FindInMap with an unknown map name", path11, external, assumptions));
      return;
    }
    const name = String(mapName.value);
    const map = this.template.mappings[name];
    if (!isPlainObject2(map)) {
      out.push(unknownVariant(`mapping ${clip(name)} is not defined`, path11, external, assumptions));
      return;
    }
    const base = mergeAssumptions(mapName.assumptions, top.assumptions, second.assumptions);
    if (!base) return;
    const topAlt = top.kind !== "literal";
    const topKeys = topAlt ? Object.keys(map) : [scalarText(top.value)];
    for (let t = 0; t < topKeys.length && t < MAX_ALTERNATIVES && out.length <= MAX_VARIANTS && this.charge(1); t++) {
      const topKey = topKeys[t];
      const level = map[topKey];
      if (!isPlainObject2(level)) {
        if (!topAlt) out.push(fallback !== void 0 ? literalVariant(fallback, path11, true, base) : unknownVariant(`key ${clip(topKey)} is not in mapping ${clip(name)}`, path11, external, assumptions));
        continue;
      }
      const secondAlt = second.kind !== "literal";
      const secondKeys = secondAlt ? Object.keys(level) : [scalarText(second.value)];
      for (let k = 0; k < secondKeys.length && k < MAX_ALTERNATIVES && out.length <= MAX_VARIANTS && this.charge(1); k++) {
        const secondKey = secondKeys[k];
        const extra = [];
        if (topAlt) extra.push({ kind: "mapping-key", map: name, key: topKey, of: topKeys.length });
        if (secondAlt) extra.push({ kind: "mapping-key", map: `${name}.${topKey}`, key: secondKey, of: secondKeys.length });
        const merged = mergeAssumptions(base, extra);
        if (!merged) continue;
        const value = level[secondKey];
        if (value === void 0) {
          if (!secondAlt) out.push(fallback !== void 0 ? literalVariant(fallback, path11, true, merged) : unknownVariant(`key ${clip(topKey)}.${clip(secondKey)} is not in mapping ${clip(name)}`, path11, external, assumptions));
          continue;
        }
        const resolved = this.resolve(value, path11, true, merged, depth + 1);
        for (let r = 0; r < resolved.length; r++) out.push(resolved[r]);
      }
    }
  }
  substitute(args, path11, external, assumptions, depth) {
    const text = typeof args === "string" ? args : Array.isArray(args) && typeof args[0] === "string" ? args[0] : void 0;
    if (text === void 0) return [unknownVariant("a malformed Fn::Sub", path11, external, assumptions)];
    const variables = Array.isArray(args) && isPlainObject2(args[1]) ? args[1] : {};
    const subPath = external ? path11 : [...path11, "Fn::Sub"];
    const pieces = parseSubString(text);
    const parts = [];
    for (let i = 0; i < pieces.length && !this.over; i++) {
      const part = pieces[i];
      if (typeof part === "string") parts.push([literalVariant(part, path11, external, [])]);
      else if (part.name in variables) parts.push(this.resolve(variables[part.name], subPath, external, assumptions, depth + 1));
      else if (part.attribute !== void 0) {
        const v = unknownVariant(`an attribute of resource ${clip(part.name)}`, path11, external, assumptions);
        if (this.template.resources.has(part.name)) v.ref = { logicalId: part.name, attribute: part.attribute };
        parts.push([v]);
      } else parts.push(this.resolve({ Ref: part.name }, subPath, external, assumptions, depth + 1));
    }
    const out = [];
    const combos = this.combine(parts);
    if (!combos) return this.over ? [unknownVariant(TOO_COMPLEX, path11, external, assumptions, TOO_COMPLEX_ORIGIN)] : tooMany2(path11);
    for (let c = 0; c < combos.length && !this.over; c++) {
      const combo = combos[c];
      const merged = mergeAssumptionLists([assumptions, ...combo.map(assumptionsOf)]);
      if (!merged) continue;
      const text2 = this.text(combo, "", path11, external, merged);
      if (text2) {
        out.push(text2);
        continue;
      }
      const missing = combo.find((c2) => !textOf(c2));
      const v = unknownVariant(`Fn::Sub over ${missing.reason ?? "a value that is not known"}`, path11, external, merged, SUB);
      if (combo.length === 1 && missing.ref) v.ref = missing.ref;
      out.push(v);
    }
    return this.over ? [unknownVariant(TOO_COMPLEX, path11, external, assumptions, TOO_COMPLEX_ORIGIN)] : cap(out, path11);
  }
  /**
   * Every consistent combination of one variant from each list, counted against the budget; undefined past `limit`
   * combinations (the value has too many variants) or once the budget is spent.
   */
  combine(lists, limit = MAX_VARIANTS) {
    if (this.over) return void 0;
    const combos = combinations(lists, limit + 1);
    if (!this.charge(combos.length) || combos.length > limit) return void 0;
    return combos;
  }
  /** textVariant(), with the text counted against the budget (one unit per KiB). */
  text(parts, delimiter, path11, external, assumptions) {
    const v = textVariant(parts, delimiter, path11, external, assumptions);
    if (v && typeof v.value === "string") this.charge(v.value.length >> 10);
    return v;
  }
  /** How a condition can come out: decided (possibly by parameter defaults) or, if undecidable, both ways. */
  branchesOf(name, depth) {
    const outcomes = this.evaluateCondition(name, depth);
    const out = [];
    for (const o of outcomes) {
      if (o.value !== void 0) out.push(o);
      else {
        for (const value of [true, false]) {
          const merged = mergeAssumptions(o.assumptions, [{ kind: "condition", name, value }]);
          if (merged) out.push({ value, assumptions: merged });
        }
      }
    }
    return out;
  }
  /**
   * A condition's outcomes, worked out once per template. Its evaluation has a budget of its own, so that what it
   * comes to does not depend on which value asked first; a condition over it is undecidable.
   */
  evaluateCondition(name, depth) {
    const memo = this.conditionMemo.get(name);
    if (memo) return memo;
    if (!this.template.conditions.has(name) || this.conditionsInProgress.has(name)) return UNDECIDED;
    this.charge(0);
    const { stopAt, over } = this;
    const started = this.spent;
    this.startValue();
    this.conditionsInProgress.add(name);
    let result = collapseMappingKeys(this.conditionExpression(this.template.conditions.get(name), depth + 1));
    this.conditionsInProgress.delete(name);
    if (this.over) result = UNDECIDED;
    this.conditionMemo.set(name, result);
    this.stopAt = Math.min(stopAt + (this.spent - started), TEMPLATE_BUDGET);
    this.over = over || this.spent > this.stopAt;
    return result;
  }
  conditionExpression(node, depth) {
    if (depth > MAX_DEPTH2 || !this.charge(1)) return UNDECIDED;
    if (typeof node === "boolean") return [{ value: node, assumptions: [] }];
    const intrinsic = intrinsicOf(node, true);
    if (!intrinsic) return UNDECIDED;
    const { name, args } = intrinsic;
    if (name === "Condition") return typeof args === "string" ? this.evaluateCondition(args, depth) : UNDECIDED;
    if (name === "Fn::Equals") {
      if (!Array.isArray(args) || args.length !== 2) return UNDECIDED;
      const pairs = this.combine([this.resolve(args[0], [], true, [], depth + 1), this.resolve(args[1], [], true, [], depth + 1)], MAX_OUTCOMES);
      if (!pairs) return UNDECIDED;
      const out = [];
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i];
        const merged = mergeAssumptions(a.assumptions, b.assumptions) ?? [];
        if (!comparable(a) || !comparable(b)) out.push({ value: void 0, assumptions: merged });
        else out.push({ value: scalarText(a.value ?? "") === scalarText(b.value ?? ""), assumptions: merged });
      }
      return out.length ? out : UNDECIDED;
    }
    if (name === "Fn::Not" || name === "Fn::And" || name === "Fn::Or") {
      if (!Array.isArray(args) || args.length === 0) return UNDECIDED;
      let acc = [{ value: name === "Fn::Or" ? false : true, assumptions: [] }];
      for (let i = 0; i < args.length; i++) {
        const operand = this.conditionExpression(args[i], depth + 1);
        if (!this.charge(acc.length * operand.length)) return UNDECIDED;
        const next = [];
        for (let p = 0; p < acc.length; p++) {
          for (let o = 0; o < operand.length; o++) {
            const merged = mergeAssumptions(acc[p].assumptions, operand[o].assumptions);
            if (!merged) continue;
            const a = acc[p].value;
            const b = name === "Fn::Not" ? negate2(operand[o].value) : operand[o].value;
            next.push({ value: name === "Fn::Or" ? or(a, b) : and(a, b), assumptions: merged });
          }
        }
        if (next.length > MAX_OUTCOMES) return UNDECIDED;
        acc = next;
        if (name === "Fn::Not") break;
      }
      return acc.length ? acc : UNDECIDED;
    }
    return UNDECIDED;
  }
};
var UNDECIDED = [{ value: void 0, assumptions: [] }];
function and(a, b) {
  return a === false || b === false ? false : a === void 0 || b === void 0 ? void 0 : true;
}
function or(a, b) {
  return a === true || b === true ? true : a === void 0 || b === void 0 ? void 0 : false;
}
function negate2(a) {
  return a === void 0 ? void 0 : !a;
}
function comparable(v) {
  return v.kind === "absent" || v.kind === "literal" && isScalar2(v.value) && !v.symbolic;
}
function collapseMappingKeys(outcomes) {
  if (!outcomes.some((o) => o.assumptions.some((a) => a.kind === "mapping-key"))) return outcomes;
  const values = new Set(outcomes.map((o) => o.value));
  const rest = outcomes[0].assumptions.filter((a) => a.kind !== "mapping-key");
  return [{ value: values.size === 1 ? outcomes[0].value : void 0, assumptions: values.size === 1 ? rest : [] }];
}
function loopAssumptions(parameters) {
  return mergeAssumptions(...parameters.map((p) => [{ kind: "parameter", name: p.name, value: p.value, source: p.source }])) ?? [];
}
function isPlainLiteral(node) {
  if (typeof node !== "object" || node === null) return !isDynamicReference(node);
  return !(node instanceof Opaque) && intrinsicName(node) === void 0;
}
function parameterValue2(param, value, source, path11, assumptions, out) {
  const merged = mergeAssumptions(assumptions, [{ kind: "parameter", name: param.name, value, source }]);
  if (!merged) return;
  const isList = param.type.startsWith("List<") || param.type === "CommaDelimitedList";
  out.push(literalVariant(isList && typeof value === "string" ? value.split(",").map((s) => s.trim()) : value, path11, true, merged));
}
function cap(variants, path11) {
  if (variants.length <= MAX_VARIANTS) return variants;
  for (let i = 0; i < variants.length; i++) {
    if (variants[i].origin?.kind === "too-complex") return [unknownVariant(TOO_COMPLEX, path11, false, [], TOO_COMPLEX_ORIGIN)];
  }
  return tooMany2(path11);
}
function tooMany2(path11) {
  return [unknownVariant(TOO_MANY, path11, false, [], TOO_COMPLEX_ORIGIN)];
}
function textOf(v) {
  if (v.kind === "literal" && isScalar2(v.value)) return { text: scalarText(v.value), symbolic: v.symbolic === true };
  if (v.kind === "unknown" && v.pseudo) return { text: `\${${v.pseudo}}`, symbolic: true };
  return void 0;
}
function textVariant(parts, delimiter, path11, external, assumptions) {
  let text = "";
  let symbolic = false;
  for (let i = 0; i < parts.length; i++) {
    const piece = textOf(parts[i]);
    if (!piece) return void 0;
    text += i === 0 ? piece.text : delimiter + piece.text;
    if (piece.symbolic) symbolic = true;
    if (text.length > MAX_TEXT) return unknownVariant(`a text longer than ${MAX_TEXT >> 20} MiB`, path11, external, assumptions);
  }
  const v = literalVariant(text, path11, external, assumptions);
  if (symbolic) v.symbolic = true;
  return v;
}
function isScalar2(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
function scalarText(value) {
  return typeof value === "string" ? value : String(value);
}
function describeType(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "a mapping" : `the ${typeof value} ${JSON.stringify(typeof value === "string" ? clip(value) : value)}`;
}
function cidrSubnets(block, count2, bits) {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  if (!match || !Number.isInteger(count2) || !Number.isInteger(bits) || count2 < 1 || count2 > 256 || bits < 0 || bits > 32) return void 0;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32 || 32 - bits < prefix) return void 0;
  const base = (octets[0] << 24 >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** bits;
  const out = [];
  for (let i = 0; i < count2; i++) {
    const n = base + i * size;
    if (n > 4294967295) return void 0;
    out.push(`${n >>> 24}.${n >>> 16 & 255}.${n >>> 8 & 255}.${n & 255}/${32 - bits}`);
  }
  return out;
}

// src/engine/run-rules.ts
function runRules(template, rules2, options) {
  const ctx = new RunContext(template, options);
  const { everywhere, byType } = planOf(rules2, options.options);
  for (const resource of template.resources.values()) {
    const typed2 = byType.get(resource.type);
    if (!typed2 && everywhere.length === 0) continue;
    if (ctx.resolver.roots(resource).length === 0) continue;
    ctx.resource = resource;
    for (let i = 0; i < everywhere.length; i++) ctx.check(everywhere[i]);
    if (typed2) for (let i = 0; i < typed2.length; i++) ctx.check(typed2[i]);
  }
  return { findings: settle(template, ctx.candidates, options, (r) => existenceOf(ctx.resolver.roots(r))), failures: ctx.failures };
}
var plans = /* @__PURE__ */ new WeakMap();
function planOf(rules2, configured = NO_CONFIGURED_OPTIONS) {
  let byConfig = plans.get(rules2);
  if (!byConfig) plans.set(rules2, byConfig = /* @__PURE__ */ new WeakMap());
  let plan = byConfig.get(configured);
  if (plan) return plan;
  plan = { everywhere: [], byType: /* @__PURE__ */ new Map() };
  for (const rule of rules2) {
    const planned = { rule, options: optionsOf(rule, configured) };
    if (rule.appliesTo.includes("*")) {
      plan.everywhere.push(planned);
      continue;
    }
    for (const type of rule.appliesTo) {
      const list2 = plan.byType.get(type);
      if (list2) list2.push(planned);
      else plan.byType.set(type, [planned]);
    }
  }
  byConfig.set(configured, plan);
  return plan;
}
var NO_CONFIGURED_OPTIONS = /* @__PURE__ */ new Map();
var mergedOptions = /* @__PURE__ */ new WeakMap();
function optionsOf(rule, configured = NO_CONFIGURED_OPTIONS) {
  let byRule = mergedOptions.get(configured);
  if (!byRule) mergedOptions.set(configured, byRule = /* @__PURE__ */ new WeakMap());
  const known = byRule.get(rule);
  if (known) return known;
  const merged = Object.freeze({ ...rule.defaultOptions ?? {}, ...configured.get(rule.id) ?? {} });
  byRule.set(rule, merged);
  return merged;
}
var RunContext = class {
  constructor(template, run) {
    this.template = template;
    this.run = run;
    this.resolver = new ValueResolver(template, run.parameters);
  }
  template;
  run;
  resolver;
  candidates = [];
  failures = [];
  rule;
  resource;
  options = {};
  // Built on first use: many templates meet no rule that needs it.
  built;
  /** Runs one rule on the current resource. */
  check({ rule, options }) {
    this.rule = rule;
    this.options = options;
    const before = this.candidates.length;
    try {
      rule.check(this.resource, this);
    } catch (error) {
      this.candidates.length = before;
      this.failures.push({ ruleId: rule.id, logicalId: this.resource.logicalId, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  get graph() {
    return this.built ??= new ResourceGraph(this.template);
  }
  start(from) {
    return "logicalId" in from ? this.resolver.roots(from) : [from];
  }
  value(from, path11) {
    return this.resolver.navigate(this.start(from), path11);
  }
  items(from, path11) {
    return this.resolver.elements(this.resolver.navigate(this.start(from), path11));
  }
  each(...lists) {
    return combinations(lists);
  }
  known(variant, what) {
    if (variant.kind !== "unknown") return true;
    this.unknown(variant, what);
    return false;
  }
  report(d) {
    const at = d.at;
    const lists = [];
    if (at && !Array.isArray(at)) lists.push(at.assumptions);
    const because = d.because;
    if (because) for (let i = 0; i < because.length; i++) lists.push(because[i].assumptions);
    const assumptions = mergeAssumptions(...lists);
    if (!assumptions) return;
    const path11 = at === void 0 ? [] : Array.isArray(at) ? at : at.path;
    const exactValue = at !== void 0 && !Array.isArray(at) && !at.external && at.kind !== "absent";
    this.candidates.push({
      rule: this.rule,
      resource: this.resource,
      messageId: d.messageId,
      path: path11,
      assumptions,
      data: d.data ?? {},
      review: false,
      level: d.level,
      fix: d.fix,
      exactValue
    });
  }
  unknown(variant, what) {
    if (!this.run.reportUnknown) return;
    this.candidates.push({
      rule: this.rule,
      resource: this.resource,
      messageId: "",
      path: variant.path,
      assumptions: variant.assumptions,
      data: { what, reason: variant.reason ?? "a value that is not known" },
      review: true,
      exactValue: false
    });
  }
};
var MAX_NAMED = 24;
var REASON_LENGTH = 2 * QUOTE_LENGTH;
var DATA_LENGTH = 5 * QUOTE_LENGTH;
function settle(template, candidates, options, existence) {
  const groups = /* @__PURE__ */ new Map();
  for (const c of candidates) {
    const key = `${c.rule.id}${c.resource.logicalId}${pathKey(c.path)}${c.messageId}${c.review ? "r" : "f"}`;
    const list2 = groups.get(key);
    if (list2) list2.push(c);
    else groups.set(key, [c]);
  }
  const findings = [];
  for (const group of groups.values()) {
    if (group.length === 1 && group[0].assumptions.length === 0) {
      const only = group[0];
      findings.push(toFinding(template, only, options.levels?.get(only.rule.id) ?? only.level ?? only.rule.level, []));
      continue;
    }
    const primary = group.filter((c) => !c.assumptions.some(isAlternative));
    const chosen = primary[0] ?? group[0];
    let level = options.levels?.get(chosen.rule.id) ?? chosen.level ?? chosen.rule.level;
    let suffix;
    if (primary.length > 0) {
      const exists = existence(chosen.resource);
      const named2 = chosen.assumptions.filter((a) => !(a.kind === "condition" && primary.some((p) => p.assumptions.some((b) => b.kind === "condition" && b.name === a.name && b.value !== a.value)))).filter((a) => !exists.some((e) => sameAssumption(a, e)));
      suffix = named2.slice(0, MAX_NAMED).map(describeAssumption);
      if (named2.length > MAX_NAMED) suffix.push(`and ${named2.length - MAX_NAMED} more`);
    } else {
      const everyKeyOf = coversEveryKey(group.map((c) => c.assumptions));
      if (everyKeyOf !== void 0) suffix = [`for every key of ${clip(everyKeyOf)}`];
      else {
        level = "note";
        suffix = [describeAlternatives(group.flatMap((c) => c.assumptions), MAX_NAMED)];
      }
    }
    findings.push(toFinding(template, chosen, level, suffix));
  }
  return findings;
}
function existenceOf(roots) {
  if (roots.length === 0) return [];
  return roots[0].assumptions.filter((a) => roots.every((r) => r.assumptions.some((b) => sameAssumption(a, b))));
}
function sameAssumption(a, b) {
  if (a.kind === "parameter" && b.kind === "parameter") return a.name === b.name && String(a.value) === String(b.value);
  if (a.kind === "condition" && b.kind === "condition") return a.name === b.name && a.value === b.value;
  if (a.kind === "mapping-key" && b.kind === "mapping-key") return a.map === b.map && a.key === b.key;
  return false;
}
function toFinding(template, c, level, suffix) {
  const { rule, resource } = c;
  const data = { logicalId: resource.logicalId, type: resource.type, ...c.data };
  let message;
  if (c.review) {
    message = `Could not check ${valueText(data.what)} of ${clip(resource.logicalId)} (${valueText(data.reason, REASON_LENGTH)}).`;
  } else {
    const templateText = rule.messages[c.messageId];
    if (templateText === void 0) throw new Error(`rule ${rule.id} reported unknown messageId ${c.messageId}`);
    message = interpolate(templateText, data);
  }
  const context = suffix.filter(Boolean);
  if (context.length) message = `${message.replace(/\.$/, "")} (${context.join("; ")}).`;
  const docPath = [...resource.path, ...c.path];
  const doc = template.doc;
  const keyOnly = c.path.length === 0;
  const found = locate(doc, docPath);
  const region = keyOnly && found?.exact && found.location.keyStart >= 0 ? regionOf(doc.source, doc.lineStarts, found.location.keyStart, found.location.keyEnd) : locatedRegion(doc, found);
  let fix;
  if (c.fix && c.exactValue && found?.exact) {
    const { start, end } = found.location;
    fix = { description: c.fix.description, start, end, text: fixText(c.fix.text, doc.format), region: regionOf(doc.source, doc.lineStarts, start, end) };
  }
  return {
    ruleId: rule.id,
    level: c.review ? "note" : level,
    pillar: rule.pillar,
    message,
    file: template.file,
    region,
    logicalId: resource.logicalId,
    resourceType: resource.type,
    messageId: c.review ? void 0 : c.messageId,
    propertyPath: c.path,
    kind: c.review ? "review" : "fail",
    fix
  };
}
function fixText(text, format2) {
  if (format2 !== "json") return text;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(text);
  }
}
var compiledMessages = /* @__PURE__ */ new Map();
function interpolate(text, data) {
  let parts = compiledMessages.get(text);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push({ key: m[1], whole: m[0] });
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    compiledMessages.set(text, parts);
  }
  let out = "";
  for (const part of parts) out += typeof part === "string" ? part : part.key in data ? messageValue(data[part.key]) : part.whole;
  return out;
}
function messageValue(value) {
  return typeof value === "string" ? clip(value, DATA_LENGTH) : valueText(value);
}

// src/engine/suppressions.ts
init_locate();
var SOURCES = [
  { tool: "pillars-lint", path: ["pillars-lint", "ignore"], id: "id", reason: "reason" },
  { tool: "cfn_nag", path: ["cfn_nag", "rules_to_suppress"], id: "id", reason: "reason" },
  { tool: "checkov", path: ["checkov", "skip"], id: "id", reason: "comment" },
  { tool: "cdk_nag", path: ["cdk_nag", "rules_to_suppress"], id: "id", reason: "reason" },
  { tool: "cfn-lint", path: ["cfn-lint", "config", "ignore_checks"], id: void 0, reason: "ignored through cfn-lint ignore_checks" },
  // cfn-guard reads SuppressedRules on resources only, so a template-level list suppresses nothing there either.
  { tool: "guard", path: ["guard", "SuppressedRules"], id: void 0, reason: "suppressed through cfn-guard SuppressedRules", resourceOnly: true }
];
function applySuppressions(template, findings, ran, all) {
  const entries = collect(template, all);
  if (entries.length === 0) return findings;
  const extra = [];
  const at = (entry, ruleId, message) => {
    const rule = ruleId === UNUSED_SUPPRESSION_RULE.id ? UNUSED_SUPPRESSION_RULE : INVALID_SUPPRESSION_RULE;
    return {
      ruleId,
      level: rule.level,
      pillar: rule.pillar,
      message,
      file: template.file,
      region: findingRegion(template.doc, entry.path),
      logicalId: entry.logicalId,
      resourceType: entry.logicalId ? template.resources.get(entry.logicalId)?.type : void 0,
      propertyPath: entry.path.slice(2),
      kind: "fail"
    };
  };
  const valid = [];
  const known = all.map((r) => r.id);
  for (const entry of entries) {
    if (entry.tool === "pillars-lint" && entry.covers.length === 0) {
      const hint = closest(entry.id, known);
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of unknown rule "${entry.id}"${hint ? ` (did you mean "${hint}"?)` : ""}.`));
    } else if (entry.reason === void 0) {
      if (entry.tool !== "pillars-lint") continue;
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of ${entry.id} has no reason, so it does not suppress anything.`));
    } else if (entry.covers.length > 0) valid.push(entry);
  }
  const suppressed = findings.map((f) => {
    const applicable = valid.filter((e) => e.logicalId === void 0 || e.logicalId === f.logicalId);
    for (const entry of applicable) {
      for (const cover of entry.covers) {
        if (cover.rule !== f.ruleId || cover.scope && !inScope(cover.scope, f)) continue;
        const by = together(entry, cover, applicable);
        if (!by) continue;
        for (const e of by) e.used = true;
        const justification = [...new Set(by.map((e) => e.reason))].join("; ");
        return { ...f, suppression: { justification, source: entry.tool } };
      }
    }
    return f;
  });
  const ranIds = new Set(ran.map((r) => r.id));
  for (const entry of valid) {
    if (entry.tool === "pillars-lint" && !entry.used && entry.covers.some((c) => ranIds.has(c.rule))) {
      const where = entry.logicalId ? `resource ${entry.logicalId}` : "this template";
      extra.push(at(entry, UNUSED_SUPPRESSION_RULE.id, `Suppression of ${entry.id} matches no finding in ${where}; remove it.`));
    }
  }
  return [...suppressed, ...extra];
}
function inScope(scope, f) {
  if (scope.messages && (f.messageId === void 0 || !scope.messages.includes(f.messageId))) return false;
  if (scope.resourceTypes && (f.resourceType === void 0 || !scope.resourceTypes.includes(f.resourceType))) return false;
  if (scope.properties) {
    const path11 = f.propertyPath ?? [];
    const within2 = (property) => property.split(".").every((key, i) => i < path11.length && String(path11[i]) === key);
    if (!scope.properties.some(within2)) return false;
  }
  return true;
}
function together(entry, cover, applicable) {
  const ids = cover.scope?.id;
  if (ids === void 0 || typeof ids === "string") return [entry];
  const by = [];
  for (const id of ids) {
    const other = applicable.find((e) => e.tool === entry.tool && e.covers.includes(cover) && e.id === id);
    if (!other) return void 0;
    by.push(other);
  }
  return by;
}
function collect(template, all) {
  const entries = [];
  const scan = (metadata, base, logicalId) => {
    if (!isPlainObject2(metadata)) return;
    for (const source of SOURCES) {
      if ("resourceOnly" in source && logicalId === void 0) continue;
      let node = metadata;
      for (const key of source.path) node = isPlainObject2(node) ? node[key] : void 0;
      if (!Array.isArray(node)) continue;
      node.forEach((item, i) => {
        const path11 = [...base(), ...source.path, i];
        const id = source.id === void 0 ? item : isPlainObject2(item) ? item[source.id] : void 0;
        if (typeof id !== "string") return;
        if (source.tool === "cdk_nag" && Array.isArray(item.applies_to) && item.applies_to.length > 0) return;
        const reasonValue = source.id === void 0 ? source.reason : item[source.reason];
        const reason = typeof reasonValue === "string" && reasonValue.trim() !== "" ? reasonValue.trim() : void 0;
        entries.push({ tool: source.tool, id, reason, logicalId, path: path11, covers: coversOf(source.tool, id, all), used: false });
      });
    }
  };
  scan(template.root.Metadata, () => ["Metadata"]);
  for (const r of template.resources.values()) scan(r.metadata, () => [...r.path, "Metadata"], r.logicalId);
  return entries;
}
function coversOf(tool, id, all) {
  if (tool === "pillars-lint") return all.some((r) => r.id === id) ? [{ rule: id }] : [];
  const index = peerIndex(all).get(tool);
  if (!index) return [];
  if (tool !== "cdk_nag") return index.get(id) ?? [];
  const dash = id.indexOf("-");
  if (dash <= 0) return [];
  const rule = id.slice(dash + 1);
  return [...index.get(id) ?? [], ...rule.includes("-") ? [] : index.get(rule) ?? []];
}
var peerIndexes = /* @__PURE__ */ new WeakMap();
function peerIndex(all) {
  let index = peerIndexes.get(all);
  if (index) return index;
  index = /* @__PURE__ */ new Map();
  for (const rule of all) {
    for (const [tool, scopes] of Object.entries(peerScopes(rule.peers))) {
      let byId = index.get(tool);
      if (!byId) index.set(tool, byId = /* @__PURE__ */ new Map());
      for (const scope of scopes) {
        const whole = typeof scope.id === "string" && !scope.messages && !scope.resourceTypes && !scope.properties;
        const cover = whole ? { rule: rule.id } : { rule: rule.id, scope };
        for (const id of typeof scope.id === "string" ? [scope.id] : scope.id) {
          const list2 = byId.get(id);
          if (list2) list2.push(cover);
          else byId.set(id, [cover]);
        }
      }
    }
  }
  peerIndexes.set(all, index);
  return index;
}

// src/engine/nested.ts
init_paths();
init_locate();
import path5 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var NESTED_TYPES = ["AWS::CloudFormation::Stack", "AWS::Serverless::Application"];
var NESTED_MARKERS = NESTED_TYPES.map((t) => Buffer.from(t));
function mentionsNestedStack(bytes) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return NESTED_MARKERS.some((marker) => buffer.includes(marker));
}
function literalLocalTemplates(file, bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const out = [];
  for (const match of text.matchAll(/"?(?:TemplateURL|Location)"?\s*:\s*["']?([^"'\s,}]+)/g)) {
    const url = localPath(match[1], file);
    if (url) out.push(url);
  }
  return out;
}
function localPath(url, parent) {
  if (url.startsWith("file://")) {
    try {
      return fileURLToPath2(url);
    } catch {
      return void 0;
    }
  }
  if (hasScheme(url)) return void 0;
  return path5.resolve(path5.dirname(parent), url);
}
function nestedRefs(template, given, cdk) {
  const stacks = NESTED_TYPES.flatMap((type) => template.byType.get(type) ?? []);
  if (stacks.length === 0) return [];
  const resolver = new ValueResolver(template, given);
  const uri = isUri(template.file);
  const out = [];
  for (const resource of stacks) {
    const roots = resolver.roots(resource);
    if (roots.length === 0) continue;
    const property = resource.type === "AWS::Serverless::Application" ? "Location" : "TemplateURL";
    if (property === "Location" && isPlainObject2(resource.properties?.Location) && "ApplicationId" in resource.properties.Location) continue;
    const region = findingRegion(template.doc, [...resource.path, "Properties", property]);
    const { parameters, unknownParameters } = passedParameters(resolver, roots);
    const base = { logicalId: resource.logicalId, region, parameters, unknownParameters };
    const raw = resource.properties?.[property];
    const assetPath = resource.metadata?.["aws:asset:path"];
    const fromCdk = cdk?.nestedStacks.get(resource.logicalId) ?? (cdk && typeof assetPath === "string" ? path5.resolve(cdk.assembly, assetPath) : void 0) ?? (cdk ? assetInUrl(raw, cdk.assets) : void 0);
    if (fromCdk) {
      out.push({ ...base, file: fromCdk });
      continue;
    }
    const urls = /* @__PURE__ */ new Set();
    let unknown;
    for (const v of resolver.navigate(roots, ["Properties", property])) {
      if (v.kind === "literal" && typeof v.value === "string") urls.add(v.value);
      else if (v.kind === "absent") unknown ??= `it has no ${property}`;
      else unknown ??= v.kind === "literal" ? `its ${property} is not a string` : `its ${property} is only known at deploy time (${v.reason ?? "not a literal"})`;
    }
    if (urls.size === 0) {
      out.push({ ...base, reason: `not followed: ${unknown ?? `its ${property} is not known`}` });
      continue;
    }
    for (const url of urls) {
      const local = uri ? void 0 : localPath(url, template.file);
      if (local) out.push({ ...base, templateUrl: url, file: local });
      else if (uri && !hasScheme(url)) out.push({ ...base, templateUrl: url, reason: "not followed: a relative path in a deployed template" });
      else out.push({ ...base, templateUrl: url, reason: "not followed: a remote template" });
    }
  }
  return out;
}
function assetInUrl(node, assets) {
  if (assets.size === 0) return void 0;
  const stack = [node];
  let budget = 1e3;
  while (stack.length && budget-- > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      const key = value.slice(value.lastIndexOf("/") + 1);
      const found = assets.get(key) ?? assets.get(key.replace(/\.json$/, ""));
      if (found) return found;
    } else if (Array.isArray(value)) stack.push(...value);
    else if (isPlainObject2(value)) stack.push(...Object.values(value));
  }
  return void 0;
}
function passedParameters(resolver, roots) {
  const parameters = {};
  const unknownParameters = [];
  for (const map of resolver.navigate(roots, ["Properties", "Parameters"])) {
    if (map.kind !== "literal" || !isPlainObject2(map.value)) continue;
    for (const name of Object.keys(map.value)) {
      const values = /* @__PURE__ */ new Set();
      let known = true;
      for (const v of resolver.navigate([map], [name])) {
        const text = v.kind === "literal" ? parameterText(v.value) : void 0;
        if (text === void 0) known = false;
        else values.add(text);
      }
      if (known && values.size === 1) parameters[name] = [...values][0];
      else if (!unknownParameters.includes(name)) unknownParameters.push(name);
    }
  }
  return { parameters, unknownParameters };
}
function parameterText(value) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return value.join(",");
  return void 0;
}

// src/engine/lint.ts
var KEEP_BYTES = 64 * 1024 * 1024;
var MAX_NESTING = 32;
var MAX_NESTED_TEMPLATES = 1e3;
async function lint(options) {
  const cwd = options.cwd ?? process.cwd();
  const projectFiles = openProject(path7.resolve(cwd, options.root ?? cwd), cwd, options.maxFileSize);
  const all = options.rules ?? rules;
  const config = options.config ?? new ResolvedConfig(all);
  const ran = /* @__PURE__ */ new Set();
  const chosenFor = /* @__PURE__ */ new Map();
  const byConfig = (file) => {
    const setup = config.forFile(!config.hasOverrides || isUri(file) ? file : relativeForMatching(file, cwd));
    let chosen = chosenFor.get(setup);
    if (!chosen) {
      const rules2 = options.ids?.length ? selectRules(all, options) : selectRules(setup.rules, { pillars: options.pillars });
      chosen = { ...setup, rules: rules2 };
      chosenFor.set(setup, chosen);
      for (const r of rules2) ran.add(r.id);
    }
    return chosen;
  };
  selectRules(all, options);
  const exclude = config.exclude;
  const excluded = (file) => exclude.length > 0 && matchesAny(relativeForMatching(file, cwd), exclude);
  const discovered = options.paths.length ? await discoverFiles(options.paths, cwd, projectFiles) : [];
  const files = [];
  for (const d of discovered) if (d.skipReason && !excluded(d.file)) files.push({ file: d.file, status: "skipped", skipReason: d.skipReason });
  const units = discovered.filter((d) => !d.skipReason && (options.only?.(d.file) ?? true) && (d.explicit || !excluded(d.file))).map((d) => ({ file: d.file, explicit: d.explicit, cdk: d.cdk }));
  if (options.stacks) {
    const { fetchStacks: fetchStacks2 } = await Promise.resolve().then(() => (init_stack(), stack_exports));
    for (const stack of await fetchStacks2(options.stacks)) {
      units.push({
        file: stack.file,
        explicit: true,
        bytes: Buffer.from(stack.body, "utf8"),
        parameters: { ...options.parameters, ...stack.parameters },
        unknownParameters: stack.masked
      });
    }
  }
  const findings = [];
  const failures = [];
  const byFile = new Map(units.map((u) => [u.file, u]));
  const children = /* @__PURE__ */ new Set();
  let kept = 0;
  for (const u of units) {
    if (u.cdk?.parent && byFile.has(u.cdk.parent)) children.add(u.file);
    if (u.cdk || isUri(u.file)) continue;
    const bytes = u.bytes ?? projectFiles.read(u.file);
    if (bytes instanceof Error) {
      u.bytes = bytes;
      continue;
    }
    const parent = mentionsNestedStack(bytes);
    if (parent || kept + bytes.byteLength <= KEEP_BYTES) {
      u.bytes = bytes;
      kept += bytes.byteLength;
    }
    if (!parent) continue;
    for (const named2 of literalLocalTemplates(u.file, bytes)) {
      const file = projectFiles.locate(named2).real;
      if (file && file !== u.file && byFile.has(file)) children.add(file);
    }
  }
  const done = /* @__PURE__ */ new Set();
  let nestedFollowed = 0;
  const visit2 = (unit, chain) => {
    if (done.has(unit.file)) return;
    done.add(unit.file);
    let nested2 = [];
    try {
      const setup = byConfig(unit.file);
      const outcome = lintFile(unit.file, unit.bytes ?? projectFiles.read(unit.file), unit.explicit, setup.rules, {
        parameters: unit.parameters ?? options.parameters,
        reportUnknown: options.reportUnknown,
        unknownParameters: unit.unknownParameters,
        cdk: unit.cdk,
        levels: setup.levels,
        ruleOptions: setup.options,
        allRules: all
      });
      unit.bytes = void 0;
      if (unit.nestedIn) outcome.report.nestedIn = unit.nestedIn;
      files.push(outcome.report);
      for (const f of outcome.findings) findings.push(f);
      for (const f of outcome.failures ?? []) failures.push({ file: unit.file, ...f });
      nested2 = outcome.nested ?? [];
      if (nested2.length) outcome.report.nestedStacks = nested2.map((ref) => follow(unit.file, ref, chain));
    } catch (error) {
      failures.push({ file: unit.file, error: error instanceof Error ? error : new Error(String(error)) });
      files.push({ file: unit.file, status: "skipped", skipReason: "pillars-lint failed on this file (internal error)" });
    }
    options.onProgress?.(done.size, Math.max(done.size, units.length));
  };
  const follow = (parent, ref, chain) => {
    const entry = { logicalId: ref.logicalId, ...ref.templateUrl !== void 0 ? { templateUrl: ref.templateUrl } : {}, followed: false };
    if (!ref.file) return { ...entry, reason: ref.reason ?? "not a local template" };
    const { real, refusal } = projectFiles.locate(ref.file);
    if (refusal) {
      const { templateUrl, ...rest } = entry;
      const relativeUrl = templateUrl !== void 0 && !path7.isAbsolute(templateUrl) && !hasScheme(templateUrl);
      return { ...rest, ...relativeUrl ? { templateUrl } : {}, reason: refusal };
    }
    const file = real ?? ref.file;
    entry.file = file;
    const loop = [...chain, parent];
    const at = loop.indexOf(file);
    const finding = (rule, message) => ({
      ruleId: rule.id,
      level: rule.level,
      pillar: rule.pillar,
      message,
      file: parent,
      region: ref.region,
      logicalId: ref.logicalId,
      resourceType: "AWS::CloudFormation::Stack",
      propertyPath: ["Properties", "TemplateURL"],
      kind: "fail"
    });
    const near = (f) => toPosix(path7.relative(path7.dirname(parent), f)) || path7.basename(f);
    if (at >= 0) {
      const names = [...loop.slice(at), file].map(near).join(" \u2192 ");
      findings.push(finding(NESTED_STACK_CYCLE_RULE, `Nested stack ${ref.logicalId} deploys ${near(file)}, which nests this template again (${names}).`));
      return { ...entry, reason: "a cycle: the template nests one of its ancestors" };
    }
    if (done.has(file)) return { ...entry, followed: true };
    if (!isFile(file)) {
      findings.push(finding(NESTED_STACK_MISSING_RULE, `Nested stack ${ref.logicalId} points at ${ref.templateUrl ?? near(file)}, which is not a file (${displayName(file, projectFiles.root)}).`));
      return { ...entry, reason: "no such file" };
    }
    if (chain.length >= MAX_NESTING) return { ...entry, reason: `not followed: nested more than ${MAX_NESTING} levels deep` };
    const known = byFile.get(file);
    if (!known && exclude.length && matchesAny(relativeForMatching(file, cwd), exclude)) return { ...entry, reason: "not followed: excluded by the config" };
    if (nestedFollowed >= MAX_NESTED_TEMPLATES) return { ...entry, reason: `not followed: over ${MAX_NESTED_TEMPLATES.toLocaleString("en")} nested templates in this run` };
    nestedFollowed++;
    const bytes = known?.bytes;
    if (known) known.bytes = void 0;
    visit2({
      file,
      explicit: true,
      cdk: known?.cdk ?? cdkTemplateAt(file, projectFiles),
      bytes,
      parameters: ref.parameters,
      unknownParameters: ref.unknownParameters,
      nestedIn: { file: parent, logicalId: ref.logicalId }
    }, loop);
    return { ...entry, followed: true };
  };
  for (const unit of units) if (!children.has(unit.file)) visit2(unit, []);
  for (const unit of units) visit2(unit, []);
  return {
    cwd,
    files,
    findings: sortFindings(findings),
    rules: [...BUILTIN_RULES, ...all.filter((r) => ran.has(r.id) || units.length === 0).map((r) => ruleMeta(r, waPractices))],
    failures
  };
}
function isFile(file) {
  try {
    return statSync5(file).isFile();
  } catch {
    return false;
  }
}
function displayName(file, root) {
  return relativeInside(file, root) ?? toPosix(path7.relative(root, file));
}
function openProject(root, cwd, maxFileSize) {
  try {
    return new ProjectFiles(root, maxFileSize);
  } catch {
    throw new UsageError(`the project root is not a directory: ${toPosix(path7.relative(cwd, root)) || "."}`);
  }
}
function cdkTemplateAt(file, projectFiles) {
  const dir = path7.dirname(file);
  if (!existsSync4(path7.join(dir, "manifest.json"))) return void 0;
  return readCloudAssembly(dir, projectFiles)?.templates.find((t) => t.file === file);
}
function lintFile(file, bytes, explicit, rules2, options) {
  const whole = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const parseError = (message, region = whole) => ({
    ruleId: PARSE_ERROR_RULE.id,
    level: "error",
    pillar: PARSE_ERROR_RULE.pillar,
    message,
    file,
    region,
    kind: "fail"
  });
  if (bytes instanceof ReadRefusal) {
    const report3 = { file, status: "skipped", skipReason: `not read: ${bytes.message}` };
    return { report: report3, findings: explicit ? [parseError(`The file was not read: ${bytes.message}.`)] : [] };
  }
  if (bytes instanceof Error) {
    return { report: { file, status: "skipped", skipReason: `cannot be read: ${bytes.message}` }, findings: [parseError(`The file cannot be read: ${bytes.message}.`)] };
  }
  const decoded = decodeSource(bytes);
  if ("error" in decoded) {
    const reason = decoded.error.message;
    const skipReason = decoded.error.code === "BINARY" ? "a binary file, not a template" : "not UTF-8 text";
    if (!explicit) return { report: { file, status: "skipped", skipReason }, findings: [] };
    return { report: { file, status: "skipped", skipReason }, findings: [parseError(`${reason}.`)] };
  }
  const doc = parseDocument(decoded.text);
  const report2 = { file, status: "linted", source: doc.source, format: doc.format };
  const fatal = doc.diagnostics.find((d) => d.fatal);
  if (doc.value === void 0 || fatal) {
    if (!explicit && !looksLikeCloudFormation(doc)) {
      return { report: { ...report2, status: "skipped", skipReason: "not CloudFormation (and not parseable)" }, findings: [] };
    }
    const first = fatal ?? doc.diagnostics[0];
    return { report: report2, findings: first ? [parseError(first.message, offsetRegion(doc, first.start, first.end))] : [] };
  }
  const notTemplate = explicit ? void 0 : notTemplateShaped(doc.value);
  if (notTemplate) return { report: { ...report2, status: "skipped", skipReason: `not a CloudFormation template: ${notTemplate}` }, findings: [] };
  const rain = doc.source.includes("Rain::") ? firstRainDirective(doc.value) : void 0;
  const diagnostics = doc.diagnostics.filter((d) => !(rain && d.code === "UNKNOWN_TAG" && d.message.startsWith("Unknown tag !Rain::"))).map((d) => parseError(d.message, offsetRegion(doc, d.start, d.end)));
  if (rain) {
    const tag = doc.diagnostics.find((d) => d.code === "UNKNOWN_TAG" && d.message.startsWith("Unknown tag !Rain::"));
    const key = tag ? /!(Rain::[^\s;]+)/.exec(tag.message)[1] : rain.key;
    diagnostics.unshift(parseError(
      `${key} is a Rain directive: CloudFormation cannot deploy this template until \`rain pkg\` expands it; the parts Rain adds are not checked.`,
      tag ? offsetRegion(doc, tag.start, tag.end) : findingRegion(doc, rain.path)
    ));
  }
  const given = new Map(Object.entries(options.parameters ?? {}));
  const built = buildTemplate(doc, file, { stackTags: options.cdk?.stackTags, parameters: given });
  if (built.kind === "not-cloudformation") {
    const skipped = { ...report2, status: "skipped", skipReason: `not a CloudFormation template: ${built.reason}` };
    if (!explicit) return { report: skipped, findings: [] };
    return { report: skipped, findings: [...diagnostics, parseError(`${path7.basename(file)} is not a CloudFormation template: ${built.reason}.`)] };
  }
  const structure = built.problems.filter((p) => !(rain && isRainDirective(valueAt(doc.value, p.path)))).map((p) => parseError(`Invalid template: ${p.message}.`, findingRegion(doc, p.path)));
  if (built.kind === "invalid") return { report: report2, findings: [...diagnostics, ...structure] };
  const template = built.template;
  const loops = template.unexpandedLoops.length ? unexpandedLoops(template, options.reportUnknown ?? false) : void 0;
  if (loops) report2.unexpandedLoops = loops.report;
  for (const name of options.unknownParameters ?? []) {
    const param = template.parameters.get(name);
    if (param) template.parameters.set(name, { ...param, default: void 0, allowedValues: void 0 });
  }
  if (options.cdk) report2.cdkStack = options.cdk.stack;
  const { findings: ruleFindings, failures } = runRules(template, rules2, {
    parameters: given,
    reportUnknown: options.reportUnknown ?? false,
    levels: options.levels,
    options: options.ruleOptions
  });
  const cdk = cdkContext(template, options.cdk);
  const kept = cdk ? ruleFindings.filter((f) => !cdk.skip(f)).map(cdk.decorate) : ruleFindings;
  const ran = failures.length ? rules2.filter((r) => !failures.some((f) => f.ruleId === r.id)) : rules2;
  const checked = applySuppressions(template, kept, ran, options.allRules ?? rules2);
  const nested2 = nestedRefs(template, given, options.cdk);
  const findings = diagnostics.length || structure.length || loops?.findings.length ? [...diagnostics, ...structure, ...loops?.findings ?? [], ...checked] : checked;
  return { report: report2, findings, ...nested2.length ? { nested: nested2 } : {}, ...failures.length ? { failures } : {} };
}
function cdkContext(template, info) {
  const pathOf = /* @__PURE__ */ new Map();
  const plumbing = new Set(info?.plumbing);
  for (const [id, resource] of template.resources) {
    const constructPath = info?.constructPaths.get(id) ?? (typeof resource.metadata?.["aws:cdk:path"] === "string" ? resource.metadata["aws:cdk:path"] : void 0);
    if (constructPath !== void 0) {
      pathOf.set(id, constructPath);
      if (isCdkPlumbingPath(constructPath)) plumbing.add(id);
    }
    if (resource.type === "AWS::CDK::Metadata") plumbing.add(id);
  }
  if (!info && pathOf.size === 0 && plumbing.size === 0) return void 0;
  return {
    skip: (f) => f.logicalId !== void 0 && plumbing.has(f.logicalId),
    decorate: (f) => {
      if (!f.logicalId) return f;
      const constructPath = pathOf.get(f.logicalId);
      const frame = info?.creation.get(f.logicalId);
      if (!constructPath && !frame) return f;
      const out = { ...f };
      if (constructPath) out.constructPath = constructPath;
      if (frame) {
        out.related = [{ file: frame.file, line: frame.line, ...frame.column ? { column: frame.column } : {}, message: "Where the CDK app creates this resource", creation: true }];
      }
      return out;
    }
  };
}
function unexpandedLoops(template, reportUnknown) {
  const report2 = template.unexpandedLoops.map((l) => ({ name: l.name, reason: l.reason }));
  const findings = reportUnknown ? template.unexpandedLoops.map((l) => ({
    ruleId: LOOP_NOT_EXPANDED_RULE.id,
    level: LOOP_NOT_EXPANDED_RULE.level,
    pillar: LOOP_NOT_EXPANDED_RULE.pillar,
    message: `The resources of loop ${l.name} are not linted: ${l.reason}.`,
    file: template.file,
    region: findingRegion(template.doc, l.path),
    kind: "review"
  })) : [];
  return { report: report2, findings };
}
function looksLikeCloudFormation(doc) {
  return /(?:^|[\n\r\u2028\u2029])(?:[^\S\n\r\u2028\u2029]|\{)*"?(?:Resources|AWSTemplateFormatVersion)"?\s*:/.test(doc.source);
}
function nothingLinted(result, paths) {
  if (result.findings.length > 0 || result.failures.length > 0 || result.files.some((f) => f.status === "linted")) return void 0;
  const where = paths.length ? paths.map((p) => JSON.stringify(p)).join(", ") : "the given paths";
  const reasons = /* @__PURE__ */ new Map();
  for (const f of result.files) reasons.set(f.skipReason ?? "skipped", (reasons.get(f.skipReason ?? "skipped") ?? 0) + 1);
  const [top] = [...reasons].sort((a, b) => b[1] - a[1]);
  const skipped = result.files.length;
  const why = top ? ` (${plural(skipped, "file")} skipped: ${top[0]}${reasons.size > 1 ? ", and other reasons" : ""})` : "";
  return `no CloudFormation templates found in ${where}${why}`;
}
function sortFindings(findings) {
  return findings.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

// src/report/github.ts
init_paths();

// src/report/failures.ts
import { resolve as resolve4, sep as sep3 } from "node:path";

// src/report/paths.ts
init_paths();
import { resolve as resolve3 } from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";
function displayPath(file, cwd) {
  if (isUri(file)) return file;
  return relativeInside(file, cwd) ?? resolve3(cwd, file);
}
function artifactUri(file, cwd) {
  if (isUri(file)) return file;
  const rel = relativeInside(file, cwd);
  if (rel === void 0) return pathToFileURL2(resolve3(cwd, file)).href;
  return rel.split("/").map(encodeURIComponent).join("/");
}
function cdkSourceOf(f, root, placement) {
  if (placement === "template") return void 0;
  const frame = f.related?.find((r) => r.creation);
  return frame && !isUri(frame.file) && relativeInside(frame.file, root) !== void 0 ? frame : void 0;
}
function isRelativeUri(uri) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(uri);
}

// src/report/text.ts
var CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function escapeControls(text) {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function textOf2(value, fallback) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return fallback;
}

// src/report/failures.ts
var MAX_REASON = 300;
function safely(read, fallback) {
  try {
    return textOf2(read(), fallback);
  } catch {
    return fallback;
  }
}
function failureReason(error, cwd) {
  const message = error instanceof Error ? safely(() => error.message, "") : safely(() => error, "");
  let line = message.split(/\r\n|[\r\n\u2028\u2029]/)[0].trim();
  line = line.split(resolve4(cwd) + sep3).join("");
  if (line === "" || line === "[object Object]") line = "an unknown error was thrown";
  line = escapeControls(line);
  return line.length <= MAX_REASON ? line : line.slice(0, MAX_REASON - 1) + "\u2026";
}
function shownFile(file, cwd) {
  return file === void 0 ? "an unknown file" : escapeControls(safely(() => displayPath(file, cwd), file));
}
function missingText(failure) {
  if (failure.ruleId === void 0) return "pillars-lint failed on this file (internal error), so its findings are missing";
  const where = failure.logicalId !== void 0 ? ` on resource ${escapeControls(failure.logicalId)}` : "";
  return `rule ${escapeControls(failure.ruleId)} failed${where} (internal error), so its findings there are missing`;
}
function placeholderText(failure, cwd) {
  return `pillars-lint could not render a finding of rule ${escapeControls(failure.ruleId)} in ${shownFile(failure.file, cwd)} (internal error)`;
}
function guarded(finding, onRenderError, render, placeholder) {
  try {
    return render(finding);
  } catch (error) {
    const failure = {
      finding,
      ruleId: safely(() => finding.ruleId, "?"),
      file: safely(() => finding.file, void 0),
      error: error instanceof Error ? error : new Error(safely(() => error, ""))
    };
    onRenderError?.(failure);
    return placeholder(failure);
  }
}

// src/report/order.ts
function reportable(findings) {
  return findings.filter((f) => !f.suppression && f.baselineState !== "unchanged");
}
function bySeverity(findings, rules2 = []) {
  const rank = (f) => f.kind === "review" ? 3 : f.level === "error" ? 0 : f.level === "warning" ? 1 : 2;
  const severity = new Map(rules2.map((r) => [r.id, Number(r.securitySeverity) || 0]));
  const pillar = (f) => {
    const i = PILLARS.indexOf(f.pillar);
    return i < 0 ? PILLARS.length : i;
  };
  return findings.map((f, i) => ({ f, i, s: severity.get(f.ruleId) ?? 0 })).sort((a, b) => rank(a.f) - rank(b.f) || b.s - a.s || pillar(a.f) - pillar(b.f) || (a.f.file < b.f.file ? -1 : a.f.file > b.f.file ? 1 : 0) || a.i - b.i).map(({ f }) => f);
}

// src/report/github.ts
var ANNOTATION_LEVELS = ["error", "warning", "notice"];
var ANNOTATIONS_PER_LEVEL = 10;
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(name, properties, message) {
  const props = Object.entries(properties).filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${name}${props ? " " + props : ""}::${escapeData(message)}`;
}
function annotationLevel(f) {
  if (f.kind === "review" || f.level === "note") return "notice";
  return f.level;
}
function annotation(f, root, cdkLocation) {
  const props = {};
  const source = cdkSourceOf(f, root, cdkLocation);
  if (source) {
    props.file = escapeControls(displayPath(source.file, root));
    props.line = source.line;
    if (source.column) props.col = source.column;
  } else if (!isUri(f.file)) {
    const { startLine, startColumn, endLine, endColumn } = f.region;
    props.file = escapeControls(displayPath(f.file, root));
    props.line = startLine;
    props.endLine = Math.max(startLine, endLine);
    if (endLine === startLine) {
      props.col = startColumn;
      props.endColumn = Math.max(startColumn, endColumn - 1);
    }
  }
  props.title = escapeControls(`${f.ruleId} (${f.kind === "review" ? "review" : f.pillar})`);
  return workflowCommand(annotationLevel(f), props, escapeControls(textOf2(f.message, "") || f.ruleId));
}
function failureAnnotations(failures, root, limit) {
  const lines = [];
  const room = failures.length > limit ? Math.max(0, limit - 1) : failures.length;
  for (const failure of failures.slice(0, room)) {
    const props = { title: "pillars-lint internal error" };
    if (!isUri(failure.file)) props.file = escapeControls(displayPath(failure.file, root));
    lines.push(workflowCommand("error", props, `${missingText(failure)}: ${failureReason(failure.error, root)}`));
  }
  const rest = failures.length - room;
  if (rest > 0 && limit > 0) {
    lines.push(workflowCommand("error", { title: "pillars-lint internal error" }, `pillars-lint failed ${plural(rest, room ? "more time" : "time")} (internal errors), so findings are missing.`));
  }
  return lines;
}
function annotations(findings, options) {
  const list2 = bySeverity(reportable(findings), options.rules);
  const limit = (level) => Math.max(0, options.limits?.[level] ?? ANNOTATIONS_PER_LEVEL);
  const total = { error: 0, warning: 0, notice: 0 };
  for (const f of list2) total[annotationLevel(f)]++;
  const caps = { error: limit("error"), warning: limit("warning"), notice: limit("notice") };
  if (ANNOTATION_LEVELS.some((l) => total[l] > caps[l])) caps.notice = Math.max(0, caps.notice - 1);
  const used = { error: 0, warning: 0, notice: 0 };
  const hidden = { error: 0, warning: 0, notice: 0 };
  const lines = [];
  for (const f of list2) {
    const level = annotationLevel(f);
    if (used[level] < caps[level]) {
      used[level]++;
      lines.push(
        guarded(
          f,
          options.onRenderError,
          (finding) => annotation(finding, options.root, options.cdkLocation),
          (failure) => workflowCommand(level, { title: "pillars-lint" }, placeholderText(failure, options.root))
        )
      );
    } else hidden[level]++;
  }
  const more = hidden.error + hidden.warning + hidden.notice;
  if (more > 0) {
    used.notice++;
    const parts = [
      hidden.error && plural(hidden.error, "error"),
      hidden.warning && plural(hidden.warning, "warning"),
      hidden.notice && plural(hidden.notice, "note")
    ].filter(Boolean);
    const where = options.moreIn ?? "the full report";
    lines.push(
      workflowCommand(
        "notice",
        { title: "pillars-lint" },
        `${plural(more, "more finding")} (${parts.join(", ")}) ${more === 1 ? "is" : "are"} not shown as annotations, because GitHub shows only ${ANNOTATIONS_PER_LEVEL} of each level per step: see ${where}.`
      )
    );
  }
  return { lines, shown: used, hidden };
}

// src/report/json.ts
var ENGINE_RULES = new Set(BUILTIN_RULES.map((r) => r.id));
function summarize(findings) {
  const byPillar = Object.fromEntries(PILLARS.map((p) => [p, { errors: 0, warnings: 0, notes: 0 }]));
  const summary = { errors: 0, warnings: 0, notes: 0, review: 0, suppressed: 0, byPillar, template: { errors: 0, warnings: 0, notes: 0 } };
  for (const f of findings) {
    if (f.suppression) summary.suppressed++;
    else if (f.kind === "review") summary.review++;
    else {
      const key = f.level === "error" ? "errors" : f.level === "warning" ? "warnings" : "notes";
      summary[key]++;
      if (ENGINE_RULES.has(f.ruleId)) summary.template[key]++;
      else (byPillar[f.pillar] ??= { errors: 0, warnings: 0, notes: 0 })[key]++;
    }
  }
  return summary;
}

// src/report/markdown.ts
init_paths();
var MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;
var MAX_MESSAGE2 = 2e3;
var MAX_FAILURES_LISTED = 50;
var ZWJ = "\u200D";
function escapeMarkdown(text) {
  return escapeControls(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_[\]|~]/g, "\\$&").replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`).replace(new RegExp("(#|\\bGH-)(?=\\p{N})", "giu"), `$1${ZWJ}`).replace(/:\/\//g, `:${ZWJ}//`).replace(/\b(www)\./gi, `$1${ZWJ}.`).replace(/\r\n|[\r\n\u2028\u2029]/g, "<br>");
}
function safeUrl(url) {
  if (!url || !/^https?:\/\//i.test(url)) return void 0;
  return url.replace(/[\s()<>]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
function clip2(text) {
  return text.length <= MAX_MESSAGE2 ? text : text.slice(0, MAX_MESSAGE2 - 1) + "\u2026";
}
function location(f, options) {
  if (isUri(f.file)) return escapeMarkdown(f.file);
  const file = displayPath(f.file, options.root);
  const text = escapeMarkdown(`${file}:${f.region.startLine}`);
  const base = safeUrl(options.blobUrl);
  if (!base || file.startsWith("/") || /^[A-Za-z]:/.test(file)) return text;
  const { startLine, endLine } = f.region;
  const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
  const encoded = file.split("/").map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => c === "(" ? "%28" : "%29")).join("/");
  return `[${text}](${base.replace(/\/+$/, "")}/${encoded}${anchor})`;
}
function ruleLink(f, rules2) {
  const url = safeUrl(rules2.get(f.ruleId)?.helpUri);
  const id = escapeMarkdown(f.ruleId);
  return url ? `[${id}](${url})` : id;
}
function failureLines(failures, root) {
  const out = [
    `**Incomplete:** pillars-lint failed ${plural(failures.length, "time")} (internal error), so findings are missing from this report.`,
    "",
    "| file | what is missing | error |",
    "|:--|:--|:--|"
  ];
  for (const failure of failures.slice(0, MAX_FAILURES_LISTED)) {
    out.push(`| ${escapeMarkdown(displayPath(failure.file, root))} | ${escapeMarkdown(missingText(failure))} | ${escapeMarkdown(failureReason(failure.error, root))} |`);
  }
  if (failures.length > MAX_FAILURES_LISTED) out.push("", `_and ${plural(failures.length - MAX_FAILURES_LISTED, "more")}._`);
  return out;
}
function jobSummary(result, options) {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const listed = bySeverity(reportable(result.findings), result.rules);
  const summary = summarize(result.findings.filter((f) => f.baselineState !== "unchanged"));
  const problems = summary.errors + summary.warnings + summary.notes;
  const linted = result.files.filter((f) => f.status === "linted").length;
  const skipped = result.files.length - linted;
  const head = ["## pillars-lint", ""];
  const extras = [
    summary.review && `${summary.review} to review`,
    summary.suppressed && `${summary.suppressed} suppressed`,
    skipped && `${plural(skipped, "file")} skipped`
  ].filter(Boolean);
  const tail = extras.length ? ` (${extras.join(", ")})` : "";
  head.push(
    problems > 0 ? `**${plural(problems, "problem")}** (${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.notes, "note")}) in ${plural(linted, "template")}${tail}.` : `**No problems** in ${plural(linted, "template")}${tail}.`
  );
  for (const note of options.notes ?? []) head.push("", escapeMarkdown(note));
  if (result.failures.length) head.push("", ...failureLines(result.failures, options.root));
  head.push("", "| pillar | errors | warnings | notes |", "|:--|--:|--:|--:|");
  for (const p of PILLARS) {
    const c = summary.byPillar[p];
    head.push(`| ${p} | ${c.errors} | ${c.warnings} | ${c.notes} |`);
  }
  const t = summary.template;
  if (t.errors + t.warnings + t.notes > 0) head.push(`| _template problems_ | ${t.errors} | ${t.warnings} | ${t.notes} |`);
  head.push(`| **total** | **${summary.errors}** | **${summary.warnings}** | **${summary.notes}** |`);
  if (listed.length === 0) return head.join("\n") + "\n";
  const rules2 = new Map(result.rules.map((r) => [r.id, r]));
  head.push("", "### Findings", "", "| file:line | level | rule | message |", "|:--|:--|:--|:--|");
  const text = head.join("\n") + "\n";
  const rows = [];
  let bytes = Buffer.byteLength(text) + 200;
  for (const f of listed) {
    const row = guarded(f, options.onRenderError, (finding) => {
      const level = finding.kind === "review" ? "review" : finding.level;
      return `| ${location(finding, options)} | ${level} | ${ruleLink(finding, rules2)} | ${escapeMarkdown(clip2(textOf2(finding.message, "") || finding.ruleId))} |
`;
    }, (failure) => `| | | ${escapeMarkdown(failure.ruleId)} | _${escapeMarkdown(placeholderText(failure, options.root))}_ |
`);
    const size = Buffer.byteLength(row);
    if (bytes + size > maxBytes) break;
    bytes += size;
    rows.push(row);
  }
  let out = text + rows.join("");
  const left = listed.length - rows.length;
  if (left > 0) {
    out += `
_${plural(left, "more finding")} ${left === 1 ? "is" : "are"} not listed, to keep this summary under GitHub's 1 MiB limit; the SARIF file and \`pillars-lint\` run locally list them all._
`;
  }
  return out;
}

// src/report/output.ts
init_paths();
init_errors();
import { closeSync as closeSync3, fchmodSync, mkdirSync as mkdirSync2, openSync as openSync3, renameSync, statSync as statSync6, unlinkSync, writeSync } from "node:fs";
import path8 from "node:path";
function reasonOf2(error) {
  const code = error.code;
  if (code === "ENOTDIR" || code === "EEXIST") return "a folder on its path is a file";
  if (code === "ENOENT") return "no file can be created there";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "EISDIR") return "it is a folder";
  return code ?? error.message;
}
function statOrUndefined(file) {
  try {
    return statSync6(file);
  } catch {
    return void 0;
  }
}
var OutputFile = class _OutputFile {
  constructor(shown, target) {
    this.shown = shown;
    this.target = target;
  }
  shown;
  target;
  fd;
  /** The temporary file while it exists; a device or pipe (`/dev/stdout`, `>(gzip)`) is written directly. */
  temp;
  onExit = () => this.discard();
  /** Opens the place the report will go; a UsageError when it cannot take one. */
  static open(output, cwd) {
    const out = new _OutputFile(output, path8.resolve(cwd, output));
    const fail = (error) => new UsageError(`cannot write ${output}: ${reasonOf2(error)}`);
    const existing = statOrUndefined(out.target);
    if (existing?.isDirectory()) throw fail({ code: "EISDIR" });
    try {
      if (existing && !existing.isFile()) {
        out.fd = openSync3(out.target, "w");
        return out;
      }
      mkdirSync2(path8.dirname(out.target), { recursive: true });
      const temp = path8.join(path8.dirname(out.target), `.${path8.basename(out.target)}.${process.pid}-${Date.now().toString(36)}.tmp`);
      out.fd = openSync3(temp, "wx");
      out.temp = temp;
      if (existing) fchmodSync(out.fd, existing.mode & 4095);
    } catch (error) {
      throw fail(error);
    }
    process.once("exit", out.onExit);
    return out;
  }
  /**
   * Refuses to write over one of the run's inputs (a template, the config, the baseline), however it is named: by
   * a symlink, a hard link, `./x`. Files are compared as the system identifies them (device and inode).
   */
  refuseInputs(files) {
    const target = statOrUndefined(this.target);
    if (!target?.isFile()) return;
    for (const file of files) {
      if (isUri(file)) continue;
      const input = statOrUndefined(file);
      if (input && input.ino === target.ino && input.dev === target.dev) {
        this.discard();
        throw new UsageError(`refusing to write the report to ${this.shown}: it is one of the files this run reads`);
      }
    }
  }
  /** Writes the whole report, then puts it in place. */
  write(text) {
    try {
      const bytes = Buffer.from(text, "utf8");
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
      closeSync3(this.fd);
      this.fd = void 0;
      if (this.temp) {
        renameSync(this.temp, this.target);
        this.temp = void 0;
      }
      process.off("exit", this.onExit);
    } catch (error) {
      this.discard();
      if (error.code === "EPIPE") return;
      throw new UsageError(`cannot write ${this.shown}: ${reasonOf2(error)}`);
    }
  }
  /** Closes and removes the temporary file, if any; the target is left as it was. */
  discard() {
    if (this.fd !== void 0) {
      try {
        closeSync3(this.fd);
      } catch {
      }
      this.fd = void 0;
    }
    if (this.temp) {
      try {
        unlinkSync(this.temp);
      } catch {
      }
      this.temp = void 0;
    }
    process.off("exit", this.onExit);
  }
};

// src/report/sarif.ts
import { resolve as resolve5 } from "node:path";
import { pathToFileURL as pathToFileURL3 } from "node:url";
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = PROJECT_URL;
var SRCROOT = "%SRCROOT%";
var MAX_DESCRIPTION = 1024;
var MAX_TAGS = 20;
var SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
var NUMERIC = /^\d+(?:\.\d+)?$/;
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
function truncate(text, max = MAX_DESCRIPTION) {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 55296 && code <= 56319) cut--;
  const space = text.lastIndexOf(" ", cut);
  if (space > max * 0.75) cut = space;
  return text.slice(0, cut).trimEnd() + "\u2026";
}
function fenced(code, language) {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}
${code.replace(/\s+$/, "")}
${fence}`;
}
function exampleLanguage(code) {
  return /^\s*[{[]/.test(code) ? "json" : "yaml";
}
function help(rule) {
  const text = [rule.rationale, `Remediation: ${rule.remediation}`];
  const markdown = [rule.rationale, `**Remediation**

${rule.remediation}`];
  const examples = [
    ["Non-compliant example", rule.examples?.fail],
    ["Compliant example", rule.examples?.pass]
  ];
  for (const [label, code] of examples) {
    if (!code) continue;
    text.push(`${label}:
${code.replace(/\s+$/, "")}`);
    markdown.push(`**${label}**

${fenced(code, exampleLanguage(code))}`);
  }
  return { text: text.join("\n\n"), markdown: markdown.join("\n\n") };
}
function tags(rule) {
  const all = [rule.pillar, `well-architected/${rule.pillar}`, ...rule.wellArchitected];
  if (rule.securitySeverity !== void 0) all.push("security");
  all.push(...rule.tags);
  return [...new Set(all.filter(Boolean))].slice(0, MAX_TAGS);
}
function reportingDescriptor(rule) {
  const properties = { tags: tags(rule), precision: "high" };
  if (rule.securitySeverity !== void 0 && NUMERIC.test(rule.securitySeverity)) {
    properties["security-severity"] = rule.securitySeverity;
  } else {
    properties["problem.severity"] = rule.level === "note" ? "recommendation" : rule.level;
  }
  const fullDescription = { text: truncate(rule.rationale || rule.title) };
  if (rule.rationale && rule.rationale.length <= MAX_DESCRIPTION) fullDescription.markdown = rule.rationale;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: truncate(rule.title || rule.id) },
    fullDescription,
    help: help(rule),
    ...rule.helpUri ? { helpUri: rule.helpUri } : {},
    defaultConfiguration: { level: rule.level },
    properties
  };
}
function sarifRegion(r) {
  const startLine = Math.max(1, Math.trunc(r.startLine) || 1);
  const startColumn = Math.max(1, Math.trunc(r.startColumn) || 1);
  const endLine = Math.max(startLine, Math.trunc(r.endLine) || startLine);
  let endColumn = Math.max(1, Math.trunc(r.endColumn) || 1);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}
function artifactProperties(report2, locationOf) {
  const properties = {};
  if (report2.status === "skipped") Object.assign(properties, { skipped: true, reason: report2.skipReason ?? "skipped" });
  if (report2.cdkStack) properties.cdkStack = report2.cdkStack;
  if (report2.nestedIn) properties.nestedIn = { uri: locationOf(report2.nestedIn.file).uri, logicalId: report2.nestedIn.logicalId };
  if (report2.nestedStacks?.length) {
    properties.nestedStacks = report2.nestedStacks.map((n) => ({
      logicalId: n.logicalId,
      ...n.templateUrl !== void 0 ? { templateUrl: n.templateUrl } : {},
      ...n.file ? { uri: locationOf(n.file).uri } : {},
      followed: n.followed,
      ...n.reason ? { reason: n.reason } : {}
    }));
  }
  return Object.keys(properties).length ? properties : void 0;
}
function srcrootUri(cwd) {
  const href = pathToFileURL3(resolve5(cwd)).href;
  return href.endsWith("/") ? href : href + "/";
}
var sarif = (result, options) => {
  const cwd = options.cwd;
  const artifacts = [];
  const artifactIndex = /* @__PURE__ */ new Map();
  const locationOf = (file) => {
    const uri = artifactUri(file, cwd);
    return isRelativeUri(uri) ? { uri, uriBaseId: SRCROOT } : { uri };
  };
  const addArtifact = (file, report2) => {
    const known = artifactIndex.get(file);
    if (known !== void 0) return known;
    const artifact = { location: locationOf(file) };
    const properties = report2 ? artifactProperties(report2, locationOf) : void 0;
    if (properties) artifact.properties = properties;
    if (report2?.source !== void 0 && !isRelativeUri(artifact.location.uri) && !artifact.location.uri.startsWith("file:")) {
      artifact.contents = { text: report2.source };
    }
    artifactIndex.set(file, artifacts.length);
    artifacts.push(artifact);
    return artifacts.length - 1;
  };
  for (const f of result.files) addArtifact(f.file, f);
  const ruleIndex = /* @__PURE__ */ new Map();
  result.rules.forEach((rule, i) => {
    if (!ruleIndex.has(rule.id)) ruleIndex.set(rule.id, i);
  });
  const toResult = (f) => {
    const index = addArtifact(f.file);
    const artifactLocation = { ...locationOf(f.file), index };
    const out = { ruleId: f.ruleId };
    const ri = ruleIndex.get(f.ruleId);
    if (ri !== void 0) out.ruleIndex = ri;
    if (f.kind === "review") {
      out.kind = "review";
      out.level = "none";
    } else {
      out.level = f.level;
    }
    out.message = { text: textOf2(f.message, "") || f.ruleId };
    const source = cdkSourceOf(f, cwd, options.cdkLocation);
    const primary = source ? {
      artifactLocation: { ...locationOf(source.file), index: addArtifact(source.file) },
      region: source.column ? { startLine: Math.max(1, source.line), startColumn: Math.max(1, source.column) } : { startLine: Math.max(1, source.line) }
    } : { artifactLocation, region: sarifRegion(f.region) };
    out.locations = [
      {
        physicalLocation: primary,
        ...f.logicalId ? {
          logicalLocations: [
            { name: f.logicalId, fullyQualifiedName: f.constructPath ?? `Resources.${f.logicalId}`, kind: "resource" }
          ]
        } : {}
      }
    ];
    const related = (f.related ?? []).filter((r) => r !== source).map((r) => ({ ...r, location: locationOf(r.file) }));
    const inside = related.filter((r) => isRelativeUri(r.location.uri));
    const relatedLocations = [];
    if (source) {
      relatedLocations.push({
        id: 1,
        physicalLocation: { artifactLocation, region: sarifRegion(f.region) },
        message: { text: "The resource in the synthesized template" }
      });
    }
    for (const r of inside) {
      relatedLocations.push({
        id: relatedLocations.length + 1,
        physicalLocation: {
          artifactLocation: r.location,
          region: r.column ? { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) } : { startLine: Math.max(1, r.line) }
        },
        message: { text: textOf2(r.message, "Related location") }
      });
    }
    if (relatedLocations.length) out.relatedLocations = relatedLocations;
    if (f.fix) {
      out.fixes = [
        {
          description: { text: f.fix.description },
          artifactChanges: [
            {
              artifactLocation,
              replacements: [{ deletedRegion: sarifRegion(f.fix.region), insertedContent: { text: f.fix.text } }]
            }
          ]
        }
      ];
    }
    if (f.baselineState) out.baselineState = f.baselineState;
    if (f.suppression) out.suppressions = [{ kind: "inSource", justification: f.suppression.justification }];
    const properties = { pillar: f.pillar };
    if (f.resourceType) properties.resourceType = f.resourceType;
    if (f.propertyPath?.length) properties.propertyPath = f.propertyPath.join(".");
    if (source) properties.template = artifactLocation.uri;
    const outside = related.filter((r) => !isRelativeUri(r.location.uri));
    if (outside.length) properties.related = outside.map((r) => `${r.message}: ${r.file}:${r.line}${r.column ? `:${r.column}` : ""}`);
    out.properties = properties;
    return out;
  };
  const notifications = [];
  const notify = (file, text) => {
    const notification = { level: "error", message: { text } };
    if (file !== void 0) notification.locations = [{ physicalLocation: { artifactLocation: { ...locationOf(file), index: addArtifact(file) } } }];
    notifications.push(notification);
  };
  for (const failure of result.failures) {
    notify(failure.file, `${missingText(failure)}: ${failureReason(failure.error, cwd)}`);
  }
  const results = [];
  for (const f of result.findings) {
    if (f.suppression && !options.includeSuppressed) continue;
    const written = guarded(f, options.onRenderError, toResult, (failure) => {
      notify(failure.file, `${placeholderText(failure, cwd)}: ${failureReason(failure.error, cwd)}`);
      return void 0;
    });
    if (written) results.push(written);
  }
  const driver = { name: "pillars-lint" };
  if (SEMVER.test(options.toolVersion)) driver.semanticVersion = options.toolVersion;
  driver.version = options.toolVersion;
  driver.informationUri = INFORMATION_URI;
  driver.rules = result.rules.map(reportingDescriptor);
  const root = srcrootUri(cwd);
  const run = {
    tool: { driver },
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...notifications.length ? { toolExecutionNotifications: notifications } : {},
        workingDirectory: { uri: root }
      }
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: root } },
    artifacts,
    results,
    columnKind: "utf16CodeUnits"
  };
  if (options.category) {
    run.automationDetails = { id: options.category.replace(/\/+$/, "") + "/" };
  }
  const log = { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
  return JSON.stringify(log, null, 2) + "\n";
};
var sarif_default = sarif;

// src/action/changed.ts
init_paths();
import { execFileSync } from "node:child_process";
import { readFileSync as readFileSync3 } from "node:fs";
import path9 from "node:path";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function isPullRequestEvent(name) {
  return name !== void 0 && PULL_REQUEST_EVENTS.has(name);
}
function changedFiles(workspace, eventPath) {
  if (!eventPath) return { error: "GITHUB_EVENT_PATH is not set" };
  let base;
  try {
    base = JSON.parse(readFileSync3(eventPath, "utf8"))?.pull_request?.base?.sha;
  } catch (error) {
    return { error: `cannot read the event payload: ${error.message}` };
  }
  if (typeof base !== "string" || !/^[0-9a-f]{7,64}$/i.test(base)) return { error: "the event payload has no pull_request.base.sha" };
  const git = (args) => execFileSync("git", args, { cwd: workspace, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  try {
    const top = git(["rev-parse", "--show-toplevel"]).trim();
    const names = git(["diff", "--name-only", "-z", "--diff-filter=d", `${base}...HEAD`, "--"]).split("\0").filter(Boolean);
    return { base, files: new Set(names.map((name) => realPath(path9.resolve(top, name)))) };
  } catch (error) {
    const e = error;
    const detail = e.code === "ENOENT" ? "git is not installed" : String(e.stderr ?? "").trim().split("\n")[0] || e.message;
    return { error: `git diff ${base.slice(0, 12)}...HEAD failed (${detail})` };
  }
}

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
var InputError = class extends Error {
};
var Runner = class {
  constructor(env, write2 = (text) => process.stdout.write(text)) {
    this.env = env;
    this.write = write2;
  }
  env;
  write;
  issued = { error: 0, warning: 0, notice: 0 };
  /** The runner upper-cases the input name and turns spaces into `_`; hyphens stay. */
  input(name) {
    return (this.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
  }
  booleanInput(name, fallback) {
    const value = this.input(name);
    if (value === "") return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    throw new InputError(`input ${name} must be true or false (got "${value}")`);
  }
  /** A plain log line, kept on one line so nothing in it can start a workflow command. */
  log(text) {
    this.write(text.replace(/[\r\n]+/g, " ").replace(/^\s*::/, ": :") + EOL);
  }
  debug(text) {
    this.write(workflowCommand("debug", {}, text) + EOL);
  }
  /** An annotation of the step (counted: GitHub keeps only 10 of each level). */
  annotate(level, properties, message) {
    this.issued[level]++;
    this.write(workflowCommand(level, properties, message) + EOL);
  }
  /** Lines already formatted as annotations, with how many of each level they hold. */
  annotateLines(lines, counts) {
    for (const level of Object.keys(counts)) this.issued[level] += counts[level];
    if (lines.length) this.write(lines.join(EOL) + EOL);
  }
  /** Annotations of a level the step can still show. */
  left(level) {
    return Math.max(0, ANNOTATIONS_PER_LEVEL - this.issued[level]);
  }
  /** `name=value`, or a heredoc with a delimiter that cannot occur in the value when it spans lines. */
  setOutput(name, value) {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.debug(`GITHUB_OUTPUT is not set: output ${name} not written`);
      return;
    }
    if (!/[\r\n]/.test(value)) {
      appendFileSync(file, `${name}=${value}${EOL}`);
      return;
    }
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
  }
  /** Appends markdown to the step summary; false when the runner gave no summary file. */
  appendSummary(markdown) {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown);
    return true;
  }
};

// src/action/run.ts
var FAIL_ON = [...LEVELS, "none"];
function splitPaths(text, workspace) {
  const out = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/\s/.test(line) && existsSync5(path10.resolve(workspace, line))) {
      out.push(line);
      continue;
    }
    for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
      const token = m[1] ?? m[2] ?? m[3];
      if (token) out.push(token);
    }
  }
  return out;
}
function parseParameters(text) {
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new InputError(`input parameters expects one Key=Value per line (got "${line}")`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}
function readInputs(runner, workspace) {
  const failOn = runner.input("fail-on");
  if (failOn && !FAIL_ON.includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${FAIL_ON.join(", ")} (got "${failOn}")`);
  }
  return {
    paths: splitPaths(runner.input("path"), workspace),
    config: runner.input("config") || void 0,
    sarifFile: runner.input("sarif-file") || "pillars-lint.sarif",
    failOn: failOn || void 0,
    annotations: runner.booleanInput("annotations", true),
    summary: runner.booleanInput("summary", true),
    onlyChanged: runner.booleanInput("only-changed", false),
    allowPlugins: runner.booleanInput("allow-plugins", false),
    category: runner.input("category") || void 0,
    parameters: parseParameters(runner.input("parameters"))
  };
}
function removeStale(file, shown) {
  try {
    if (lstatSync2(file).isDirectory()) return;
  } catch {
    return;
  }
  try {
    rmSync(file, { force: true });
  } catch (error) {
    throw new InputError(`cannot remove the earlier SARIF file ${shown}: ${error.code ?? error.message}`);
  }
}
function failing(findings, failOn) {
  if (failOn === "none") return [];
  const threshold = LEVELS.indexOf(failOn);
  return findings.filter((f) => f.kind === "fail" && !f.suppression && f.baselineState !== "unchanged" && LEVELS.indexOf(f.level) <= threshold);
}
function incompleteSarifName(sarifFile) {
  return `${sarifFile}.incomplete`;
}
async function runAction(env = process.env, write2, options = {}) {
  const runner = new Runner(env, write2);
  try {
    return await lintWorkspace(runner, options.rules ?? rules);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      runner.annotate("error", {}, `pillars-lint: ${escapeControls(error.message)}`);
    } else {
      runner.annotate("error", {}, `pillars-lint: internal error: ${error.message}`);
      runner.debug(error.stack ?? String(error));
    }
    return 1;
  }
}
async function lintWorkspace(runner, allRules) {
  const env = runner.env;
  const workspace = path10.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = readInputs(runner, workspace);
  const configFile = findConfigFile(workspace, inputs.config);
  const config = await loadConfig(configFile, allRules, workspace, [], {
    root: workspace,
    allowConfigPlugins: inputs.allowPlugins,
    refusal: "set the action input allow-plugins: true to load them"
  });
  const failOn = inputs.failOn ?? config.failOn ?? "error";
  const paths = inputs.paths.length ? inputs.paths : config.include.length ? config.include : ["."];
  const notes = [];
  let only;
  let candidates = 0;
  let selected = 0;
  if (inputs.onlyChanged) {
    if (!isPullRequestEvent(env.GITHUB_EVENT_NAME)) {
      runner.log(`only-changed applies to pull requests; this is a ${env.GITHUB_EVENT_NAME || "non-pull-request"} event, so every template is linted.`);
    } else {
      const changed = changedFiles(workspace, env.GITHUB_EVENT_PATH);
      if ("error" in changed) {
        const message = `only-changed: ${changed.error}. Every template is linted instead; the base commit must be fetched (actions/checkout with fetch-depth: 0).`;
        runner.annotate("warning", {}, `pillars-lint: ${message}`);
        notes.push(message);
      } else {
        only = (file) => {
          candidates++;
          const keep = changed.files.has(realPath(file));
          if (keep) selected++;
          return keep;
        };
      }
    }
  }
  const result = await lint({
    paths,
    cwd: workspace,
    root: workspace,
    config,
    parameters: { ...config.parameters, ...inputs.parameters },
    only,
    rules: config.rules
  });
  const empty = only ? void 0 : nothingLinted(result, paths);
  if (empty) throw new InputError(`${empty}: check the path input`);
  if (only) {
    const message = `Only files changed in this pull request were linted: ${selected} of the ${plural(candidates, "candidate file")}.`;
    runner.log(message);
    notes.push(message);
  }
  const renderFailures = /* @__PURE__ */ new Map();
  const onRenderError = (failure) => {
    if (!renderFailures.has(failure.finding)) renderFailures.set(failure.finding, failure);
  };
  let sarifComplete = result.failures.length === 0;
  const sarifText = sarif_default(result, {
    color: false,
    cwd: workspace,
    toolVersion: VERSION,
    category: inputs.category,
    onRenderError: (failure) => {
      sarifComplete = false;
      onRenderError(failure);
    }
  });
  const sarifShown = sarifComplete ? inputs.sarifFile : incompleteSarifName(inputs.sarifFile);
  if (!sarifComplete) removeStale(path10.resolve(workspace, inputs.sarifFile), inputs.sarifFile);
  const sarifOut = OutputFile.open(sarifShown, workspace);
  sarifOut.refuseInputs([...result.files.map((f) => f.file), ...configFile ? [configFile] : []]);
  sarifOut.write(sarifText);
  const failed = failing(result.findings, failOn);
  if (inputs.annotations) {
    const broken = failureAnnotations(result.failures, workspace, runner.left("error") - 1);
    runner.annotateLines(broken, { error: broken.length, warning: 0, notice: 0 });
    const reserved = (failed.length ? 1 : 0) + (result.failures.length ? 1 : 0);
    const moreIn = inputs.summary && env.GITHUB_STEP_SUMMARY ? "the job summary" : `the SARIF file ${sarifShown}`;
    const out = annotations(result.findings, {
      root: workspace,
      limits: { error: runner.left("error") - reserved, warning: runner.left("warning"), notice: runner.left("notice") },
      moreIn,
      rules: result.rules,
      onRenderError
    });
    runner.annotateLines(out.lines, out.shown);
  }
  if (!sarifComplete) {
    notes.push(`This run is incomplete, so its SARIF log is not offered for upload (it would close the alerts of the findings it misses); it is kept as ${sarifShown} to read.`);
  }
  if (inputs.summary) {
    const blobUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : void 0;
    if (!runner.appendSummary(jobSummary(result, { root: workspace, blobUrl, notes, onRenderError }))) runner.debug("GITHUB_STEP_SUMMARY is not set: no job summary written");
  }
  const summary = summarize(result.findings.filter((f) => f.baselineState !== "unchanged"));
  const total = summary.errors + summary.warnings + summary.notes;
  const linted = result.files.filter((f) => f.status === "linted").length;
  const counts = `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.notes, "note")}`;
  if (!sarifComplete) {
    runner.log(
      `pillars-lint ${VERSION}: ${plural(linted, "template")} linted, ${plural(total, "problem")} found (${counts}), but the run is incomplete: no SARIF file offered for upload; the incomplete log is ${sarifShown}.`
    );
    for (const f of result.failures) runner.debug(f.error.stack ?? f.error.message);
    for (const f of renderFailures.values()) runner.debug(f.error.stack ?? f.error.message);
    const parts = [
      result.failures.length && `pillars-lint failed ${plural(result.failures.length, "time")}`,
      renderFailures.size && `could not write ${plural(renderFailures.size, "finding")}`
    ].filter(Boolean);
    runner.annotate("error", {}, `pillars-lint: the run is incomplete (${parts.join(" and ")}; internal error), so no SARIF file was offered for upload: ${sarifShown} holds what was found.`);
    return 1;
  }
  runner.setOutput("sarif-file", inputs.sarifFile);
  runner.setOutput("findings", String(total));
  runner.setOutput("errors", String(summary.errors));
  runner.setOutput("warnings", String(summary.warnings));
  runner.setOutput("notes", String(summary.notes));
  runner.log(`pillars-lint ${VERSION}: ${plural(linted, "template")} linted, ${plural(total, "problem")} (${counts}); SARIF written to ${inputs.sarifFile}.`);
  if (renderFailures.size) {
    for (const f of renderFailures.values()) runner.debug(f.error.stack ?? f.error.message);
    runner.annotate("error", {}, `pillars-lint: ${plural(renderFailures.size, "finding")} could not be shown in the annotations or the job summary (internal error); the SARIF file has them all.`);
    return 1;
  }
  if (failed.length) {
    const counts2 = summarize(failed);
    const parts = [counts2.errors && plural(counts2.errors, "error"), counts2.warnings && plural(counts2.warnings, "warning"), counts2.notes && plural(counts2.notes, "note")].filter(Boolean);
    runner.annotate("error", {}, `pillars-lint: ${plural(failed.length, "finding")} at or above fail-on level ${failOn} (${parts.join(", ")}).`);
    return 1;
  }
  return 0;
}

// src/action/main.ts
process.exitCode = await runAction(process.env);
/*! Bundled license information:

js-yaml/dist/js-yaml.mjs:
  (*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT *)
*/
