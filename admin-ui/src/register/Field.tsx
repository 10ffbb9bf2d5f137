import type { ReactNode } from "react";
import { fieldId } from "./problemFields";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface Props {
  path: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error, wired for assistive technology. */
export function Field({ path, label, hint, error, children }: Props) {
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({
        id,
        ...(described && { "aria-describedby": described }),
        ...(error && { "aria-invalid": true as const }),
      })}
    </div>
  );
}

/** A group of fields whose error (e.g. too many items) belongs to the whole group. */
export function FieldGroup({ path, legend, error, children }: { path: string; legend: string; error?: string; children: ReactNode }) {
  const id = fieldId(`${path}-group`);
  return (
    <fieldset className={`group${error ? " has-error" : ""}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}
