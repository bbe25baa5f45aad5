import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Where uploaded files live. The app only talks to this interface, so an
 * S3-compatible store can replace the local folder without touching callers.
 * Keys are relative, slash-separated paths such as `images/ab12…/960.webp`.
 */
export interface MediaStorage {
  /** Whole or nothing: a failed put leaves no file (not even a partial one) behind. */
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes the file if it is there; a missing file is not an error. */
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
}

export function localStorage(root: string): MediaStorage {
  const resolve = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, bytes) {
      const target = resolve(key);
      // Write then rename, so a reader never sees half a file; a name of its own, so two uploads of the
      // same image never write into one partial file; removed when anything fails (a full disk mid-write).
      const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
      const write = async () => {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(partial, bytes);
        await rename(partial, target);
      };
      try {
        // Once more if the folder vanished in between: remove() takes away a folder it empties.
        await write().catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? write() : Promise.reject(error)));
      } catch (error) {
        await rm(partial, { force: true }).catch(() => {});
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async has(key) {
      return access(resolve(key)).then(
        () => true,
        () => false,
      );
    },
    async remove(key) {
      const target = resolve(key);
      // ENOTDIR: a file stands where a folder of the path should be, so this file cannot be there either.
      await rm(target, { force: true }).catch((error: NodeJS.ErrnoException) => (error.code === "ENOTDIR" ? undefined : Promise.reject(error)));
      // An image's folder holds only that image's files: once empty it goes too, so a failed upload leaves nothing.
      if (key.includes("/")) await rmdir(path.dirname(target)).catch(() => {});
    },
  };
}

let configured: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  configured ??= localStorage(path.resolve(env().UPLOADS_DIR));
  return configured;
}
