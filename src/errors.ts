/** An error in what the user asked for (bad option, missing file, bad config): exit code 2, one line, no stack trace. */
export class UsageError extends Error {}
