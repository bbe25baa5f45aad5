/** The staff API from the browser: JSON in, JSON or the API's error out. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function api<T>(path: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/newsroom${path}`, {
      method: init.method ?? (init.json !== undefined || init.form ? "POST" : "GET"),
      headers: init.json !== undefined ? { "Content-Type": "application/json" } : undefined,
      body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
    });
  } catch {
    return { ok: false, error: { status: 0, code: "offline", message: "No connection to the server.", details: {} } };
  }
  const payload = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } & Record<string, unknown> };
  if (response.ok) return { ok: true, data: payload as T };
  const { code = "internal", message = "Something went wrong.", ...details } = payload.error ?? {};
  return { ok: false, error: { status: response.status, code, message, details } };
}
