// Uploading an import file with XMLHttpRequest: fetch() reports no upload
// progress, and the answer is NDJSON read as it arrives.
import type { ImportResult } from "@/lib/import-result";

export type { ImportIssue, ImportResult } from "@/lib/import-result";
export type UploadProgress =
  | { stage: "upload"; percent: number }
  | { stage: "check" | "write"; done: number; total: number };

type Line = { type: "progress"; phase: "check" | "write"; done: number; total: number } | ({ type: "result" } & ImportResult) | { type: "error"; error: string };

/** Resolves with the result; rejects with a message fit to show (the server's Russian one when it sent one). */
export function uploadImport(
  file: File,
  mode: "dry-run" | "commit",
  onProgress: (p: UploadProgress) => void,
  fallback: string,
  /** The person ticked «Создать классы …» for the classes the dry run found missing. */
  createClasses = false,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let result: ImportResult | null = null;
    let failure: string | null = null;
    const consume = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const raw of text.slice(seen, end).split("\n")) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as Line;
        if (line.type === "progress") onProgress({ stage: line.phase, done: line.done, total: line.total });
        else if (line.type === "result") result = line;
        else failure = line.error;
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ stage: "upload", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) consume();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        try {
          reject(new Error((JSON.parse(xhr.responseText) as { error?: string }).error ?? fallback));
        } catch {
          reject(new Error(fallback));
        }
        return;
      }
      try {
        consume();
      } catch {
        failure ??= fallback;
      }
      if (result) resolve(result);
      else reject(new Error(failure ?? fallback));
    };
    xhr.onerror = () => reject(new Error(fallback));
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    if (createClasses) form.set("createClasses", "1");
    xhr.open("POST", "/api/school/learners/import");
    xhr.send(form);
  });
}
