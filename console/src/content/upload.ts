import { currentToken, refresh } from "../api/session";
import { problemOf, ProblemError } from "../api/problems";

/**
 * A file streamed to the command service (`POST /api/v1/content?name=`), with its progress: fetch
 * cannot report an upload's progress, XMLHttpRequest can. A 401 refreshes the session once.
 */
export async function upload(file: File, onProgress: (fraction: number) => void): Promise<void> {
  const send = () => new Promise<Response>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/content?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    const token = currentToken();
    if (token) {
      request.setRequestHeader("Authorization", `Bearer ${token}`);
    }
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => resolve(new Response(request.responseText, {
      status: request.status, headers: { "Content-Type": request.getResponseHeader("Content-Type") ?? "" },
    }));
    request.onerror = () => reject(new ProblemError({ status: 0, title: "Upload failed", detail: "The connection broke off; try again." }));
    request.send(file);
  });
  let response = await send();
  if (response.status === 401 && (await refresh())) {
    response = await send();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
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
