// One home for the rules: `npm run check` applies the same ones to every built email.
export { EMAIL_HTML_VALIDATE } from "../../src/check/rules.ts";
