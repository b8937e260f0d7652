/*
 * The message limits the client app needs, apart from the schemas: this file imports no schema
 * library, so the client bundle stays free of it (bundle.spec.ts) when both apps share a chunk.
 */
/**
 * The longest message, in characters after trimming: about a page of text. Long enough for a
 * client to explain a week, short enough to be read in a practitioner's day; a longer story
 * belongs in a session.
 */
export const messageMaxLength = 2000;

/**
 * The reply time promised by default, in working days (issue 9 item 3's example, "We reply
 * within 2 working days"); each organisation sets its own in the care settings, from 1 to 10.
 */
export const defaultReplyWorkingDays = 2;

