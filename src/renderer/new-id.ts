/** Ids for things the renderer creates (article blocks, redaction terms), valid as EntityIds. */
export const newId = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
