// Every form says method="post". React attaches a form's onSubmit only when
// the page has hydrated; a submit before that (a quick Enter, a slow
// connection, an automated browser) is the browser's own, and a form without
// a method sends it as GET: the fields, a password, a one-time code or a
// SNILS, land in the address bar, the history and the server's access log.
// With method="post" they go in a body the page ignores. Reads src from disk,
// so a new form that forgets it fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../..");

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** The attributes of every <form …> opening tag in `source` (JSX, across lines). */
function formTags(source: string): string[] {
  return [...source.matchAll(/<form(\s[^>]*)?>/g)].map((match) => match[1] ?? "");
}

describe("form method", () => {
  it("finds the opening tags it checks", () => {
    expect(formTags(`<form onSubmit={onSubmit} noValidate>\n<form\n  method="post"\n  className="x"\n>`)).toEqual([
      " onSubmit={onSubmit} noValidate",
      '\n  method="post"\n  className="x"\n',
    ]);
  });

  it("every <form> in src says method=\"post\"", () => {
    const files = tsxFiles(SRC);
    const withForms = files.filter((file) => formTags(fs.readFileSync(file, "utf8")).length > 0);
    expect(withForms.length).toBeGreaterThan(30);
    const missing = withForms.flatMap((file) =>
      formTags(fs.readFileSync(file, "utf8"))
        .filter((attributes) => !/\bmethod="post"/.test(attributes))
        .map(() => path.relative(SRC, file)),
    );
    expect(missing).toEqual([]);
  });
});
