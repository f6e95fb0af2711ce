// What a reader sees when a file is opened: subtitle players drop their tags and decode
// entities, Markdown viewers render emphasis, HTML and entities. The leak check reads each file
// this way too, so a name hidden by markup (Hoe<b></b>ryong, Ho&#101;ryong) is still found.
import { decodeHTML } from 'entities';
import { marked } from 'marked';

const TAG = /<\/?[A-Za-z][^<>]*>/g;
/** SubStation-style override blocks that many subtitle players honour inside SRT ({\an8}, {\i1}). */
const OVERRIDE = /\{\\[^{}]*\}/g;

/** Prose as a viewer would show it: tags removed, entities decoded. Applied before redaction. */
export const asRenderedProse = (text: string): string => decodeHTML(text.replace(TAG, '').replace(OVERRIDE, ''));

/**
 * The cue text a player shows: without the WEBVTT header, cue numbers and timing lines, and each
 * cue's lines joined with a space, as a viewer reads them — a name wrapped across two lines of a
 * cue is one name to the leak check and the names review.
 */
export const renderedSubtitleText = (text: string): string =>
  asRenderedProse(
    text
      .split(/\r?\n[ \t]*\r?\n/)
      .map((block) =>
        block
          .split(/\r?\n/)
          .filter((line) => !/^(WEBVTT\b|\d+$|.*-->)/.test(line.trim()))
          .join(' '),
      )
      .join('\n'),
  );

export function renderedMarkdownText(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return decodeHTML(html.replace(/<[^>]*>/g, ' '));
}

/** SRT has no escapes: angle brackets and braces become look-alike quotes so nothing is read as markup. */
export const escapeSrt = (text: string): string => text.replace(/</g, '‹').replace(/>/g, '›').replace(/\{/g, '(').replace(/\}/g, ')');

export const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown: every character that could start markup is backslash-escaped (CommonMark). */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&').replace(/^(\s*)([-=>]|\d+\.)/gm, '$1\\$2');
