import { currentToken, refresh } from "../api/session";
import { problemOf, ProblemError } from "../api/problems";
import { commands, dataOf } from "../api/clients";

/** From this size on a file goes straight to the object store (a presigned upload), not through the services. */
export const PRESIGNED_FROM_BYTES = 32 * 1024 * 1024;

/** Sends a body with XMLHttpRequest, which (unlike fetch) reports an upload's progress. */
function send(method: string, url: string, body: Blob, headers: Record<string, string>, onProgress: (fraction: number) => void): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    Object.entries(headers).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => resolve(new Response(request.responseText || null, {
      status: request.status, headers: { "Content-Type": request.getResponseHeader("Content-Type") ?? "" },
    }));
    request.onerror = () => reject(new ProblemError({ status: 0, title: "Upload failed", detail: "The connection broke off; try again." }));
    request.send(body);
  });
}

/** A file streamed to the command service (`POST /api/v1/content?name=`); a 401 refreshes the session once. */
async function direct(file: File, onProgress: (fraction: number) => void): Promise<void> {
  const attempt = () => {
    const token = currentToken();
    return send("POST", `/api/v1/content?name=${encodeURIComponent(file.name)}`, file,
      { "Content-Type": "application/octet-stream", ...(token ? { Authorization: `Bearer ${token}` } : {}) }, onProgress);
  };
  let response = await attempt();
  if (response.status === 401 && (await refresh())) {
    response = await attempt();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
}

/**
 * A large file put straight into the object store through the URL the command service signs, then
 * confirmed: the service checks it as it checks a direct upload, and removes it if it is refused.
 */
async function presigned(file: File, onProgress: (fraction: number) => void): Promise<void> {
  const slot = await dataOf(commands.POST("/api/v1/content/uploads", { body: { name: file.name } }));
  const response = await send(slot.method, slot.uploadUrl, file, {}, (fraction) => onProgress(fraction * 0.99));
  if (!response.ok) {
    throw new ProblemError({ status: response.status, title: "Upload failed", detail: "The object store refused the file; try again." });
  }
  await dataOf(commands.POST("/api/v1/content/{contentId}/confirm", { params: { path: { contentId: slot.contentId } } }));
}

/** Uploads a file, large ones through the presigned path, reporting progress from 0 to 1. */
export async function upload(file: File, onProgress: (fraction: number) => void): Promise<void> {
  await (file.size >= PRESIGNED_FROM_BYTES ? presigned(file, onProgress) : direct(file, onProgress));
  onProgress(1);
}

/** Sizes as people read them. */
export function size(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
