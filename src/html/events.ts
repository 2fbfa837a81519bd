import { Parser, type Handler } from "htmlparser2";

/** Whether a parser reads this text otherwise (CR and NUL are normalised, or end the document); includes() is several times faster than a pattern. */
export function normalised(text: string): boolean {
  return text.includes("\r") || text.includes("\0");
}

/** Thrown by a one-pass writer's parser callbacks at something it does not reproduce. */
export class Reshaped extends Error {}

/** True for the writer's Reshaped; anything else is a real error and goes on. */
function reshaped(error: unknown): true {
  if (error instanceof Reshaped) return true;
  throw error;
}

/** The parser events the one-pass writers and the plain-text writer read. */
export type Reader = Pick<Partial<Handler>, "onopentag" | "onclosetag" | "ontext" | "oncomment" | "onprocessinginstruction">;

/** A parser event kept to be read later: an element's start, its end (`implied` for a void element's, as the parser reports it), or text. */
export type ParserEvent = { open: string; attribs: Record<string, string> } | { close: string; implied?: boolean } | { text: string };

/**
 * Markup parsed once already, stood in for by a comment: where the parser meets `<!--marker-->`,
 * the readers get `events` instead, as if the markup they came from were written there.
 */
export interface Splice {
  marker: string;
  events: readonly ParserEvent[];
}

/** Hands kept events to a reader's callbacks. */
export function replay(events: readonly ParserEvent[], to: Reader): void {
  for (const event of events) {
    if ("text" in event) to.ontext?.(event.text);
    else if ("open" in event) to.onopentag?.(event.open, event.attribs, false);
    else to.onclosetag?.(event.close, event.implied === true);
  }
}

/** Kept events for a one-pass writer: false when it declined (threw Reshaped), as readAll. */
export function readEvents(events: readonly ParserEvent[], writer: Reader): boolean {
  try {
    replay(events, writer);
    return true;
  } catch (error) {
    return !reshaped(error);
  }
}

/**
 * Runs htmlparser2 over `html` once for a one-pass writer's callbacks and, optionally, a
 * `reader` that sees every event to the end (the plain text is read from the same parse as the
 * email is styled). False when the writer declined: one of its callbacks threw Reshaped (or the
 * text is one a parser normalises: CR, NUL); the writer gets no events after that. With `splice`,
 * its events stand in for its marker comment (the events must hold no CR or NUL).
 */
export function readAll(html: string, writer: Reader, reader?: Reader, splice?: Splice): boolean {
  let declined = normalised(html);
  if (!reader) return !declined && readAlone(html, writer, splice);
  // Every event goes to the reader; to the writer until it declines.
  const send = (event: (to: Reader) => void): void => {
    if (reader) event(reader);
    if (declined) return;
    try {
      event(writer);
    } catch (error) {
      declined = reshaped(error);
    }
  };
  const forward: Reader = {
    onopentag: (name, attribs, isImplied) => send((to) => to.onopentag?.(name, attribs, isImplied)),
    onclosetag: (name, isImplied) => send((to) => to.onclosetag?.(name, isImplied)),
    ontext: (text) => send((to) => to.ontext?.(text)),
    oncomment: (data) => {
      if (data !== splice?.marker) return send((to) => to.oncomment?.(data));
      // The reader and the writer keep no state in common: each reads the whole splice in turn.
      replay(splice.events, reader);
      if (declined) return;
      try {
        replay(splice.events, writer);
      } catch (error) {
        declined = reshaped(error);
      }
    },
    onprocessinginstruction: (name, data) => send((to) => to.onprocessinginstruction?.(name, data)),
  };
  new Parser({
    ...forward,
    oncdatastart() {
      declined = true;
    },
  }).end(html);
  return !declined;
}

/** readAll without a reader: the writer's callbacks straight from the parser, which stops at the first Reshaped. */
function readAlone(html: string, writer: Reader, splice?: Splice): boolean {
  try {
    new Parser({
      onopentag: (name, attribs, isImplied) => writer.onopentag?.(name, attribs, isImplied),
      onclosetag: (name, isImplied) => writer.onclosetag?.(name, isImplied),
      ontext: (text) => writer.ontext?.(text),
      oncomment: (data) => (data === splice?.marker ? replay(splice.events, writer) : writer.oncomment?.(data)),
      onprocessinginstruction: (name, data) => writer.onprocessinginstruction?.(name, data),
      oncdatastart() {
        throw new Reshaped();
      },
    }).end(html);
    return true;
  } catch (error) {
    return !reshaped(error);
  }
}
