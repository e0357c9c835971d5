/**
 * A story in a link: `story=five-loops` names a story shipped with the app
 * (data/stories/five-loops.story.json); `story=~…` carries the story itself, its file's JSON
 * compressed (deflate) and written in base64url, when that is short enough for a link. Reading a
 * story from a link checks it exactly as a file is checked.
 */
import type { Problem } from '../data/problem.js';
import { checkStory, type Story, type StoryResult } from './story.js';
import { parseJsonText } from '../data/json-text.js';

/** The longest `story=` value a link carries; longer stories travel as files. */
export const MAX_STORY_LINK_LENGTH = 6000;

/** What a problem with a story read from a link names as its file. */
export const LINKED_STORY = "the link's story";

const SHIPPED_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const INLINE = /^~[A-Za-z0-9_-]+$/;

/** Where a `story=` value points: a shipped story's name, or a story carried inline. */
export type StoryRef = { kind: 'shipped'; name: string } | { kind: 'inline'; text: string };

export function storyRefOf(value: string): StoryRef | null {
  if (SHIPPED_NAME.test(value) && value.length <= 60) return { kind: 'shipped', name: value };
  if (INLINE.test(value) && value.length <= MAX_STORY_LINK_LENGTH) return { kind: 'inline', text: value };
  return null;
}

/** The stories shipped with the app (data/stories/), offered on the first screen; a test holds each to its file. */
export const SHIPPED_STORIES: ReadonlyArray<{ name: string; title: string }> = [{ name: 'five-loops', title: 'How the money goes round: five loops' }];

/** The path of a shipped story's file, relative to the page. */
export function shippedStoryPath(name: string): string {
  return `data/stories/${name}.story.json`;
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The `story=` value carrying the story; null when it would be longer than a link keeps. */
export async function storyLinkValue(story: Story): Promise<string | null> {
  const doc = { title: story.title, ...(story.data ? { data: story.data } : {}), steps: story.steps };
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream('deflate-raw'));
  const value = `~${toBase64Url(packed)}`;
  return value.length <= MAX_STORY_LINK_LENGTH ? value : null;
}

/** Stories unpack to at most this many bytes: a small link must not expand into a huge document. */
const MAX_UNPACKED_BYTES = 256 * 1024;

const linkProblem = (message: string): Problem => ({ file: LINKED_STORY, record: null, recordId: null, field: null, message });

/** Reads an inline story (`~…`); never throws. */
export async function readStoryLink(value: string): Promise<StoryResult> {
  let bytes: Uint8Array;
  try {
    bytes = await pipe(fromBase64Url(value.slice(1)), new DecompressionStream('deflate-raw'));
  } catch {
    return { ok: false, problems: [linkProblem('could not be unpacked (the link is cut short or was changed)')] };
  }
  if (bytes.length > MAX_UNPACKED_BYTES) return { ok: false, problems: [linkProblem(`unpacks to more than ${MAX_UNPACKED_BYTES / 1024} KB`)] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [linkProblem('is not UTF-8 text')] };
  }
  const parsed = parseJsonText(text, LINKED_STORY);
  return parsed.ok ? checkStory(parsed.value, LINKED_STORY) : { ok: false, problems: [parsed.problem] };
}
