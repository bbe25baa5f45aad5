import type { InputHTMLAttributes } from "react";

/** A labelled input: the label text is the field's accessible name. */
export function TextField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="font-semibold">{label}</span>
      <input required {...input} className="mt-1 w-full rounded border border-rule px-3 py-2" />
    </label>
  );
}

/** A new password typed twice; the server checks that both match. */
export function NewPasswordFields({ name, label, confirmLabel }: { name: string; label: string; confirmLabel: string }) {
  return (
    <>
      <TextField label={label} name={name} type="password" autoComplete="new-password" minLength={10} />
      <TextField label={confirmLabel} name="confirmPassword" type="password" autoComplete="new-password" minLength={10} />
    </>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-accent">
      {message}
    </p>
  );
}
