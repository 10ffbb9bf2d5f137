import { useId } from "react";
import { fieldId } from "./problemFields";
import { POLICIES, type PolicyChoice } from "./policy";

interface Props {
  value: PolicyChoice;
  onChange: (value: PolicyChoice) => void;
  error?: string;
}

/**
 * The system's drift policy (`reconcile_policy`) as a radio group: each choice says what it does.
 * The group carries the field's id, so the error summary's link and the API's errors land on it.
 */
export function PolicyField({ value, onChange, error }: Props) {
  const id = fieldId("reconcile_policy");
  const name = useId();
  const errorId = error ? `${id}-error` : null;
  return (
    <fieldset
      className={`group${error ? " has-error" : ""}`}
      id={id}
      tabIndex={-1}
      aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
    >
      <legend>Drift policy</legend>
      <p className="hint" id={`${id}-hint`}>
        What the platform does when a check finds that the resources in AWS differ from the registration.
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {POLICIES.map((p) => {
        const option = `${id}-${p.value || "default"}`;
        return (
          <div className="choice described" key={p.value}>
            <input
              type="radio"
              id={option}
              name={name}
              value={p.value}
              checked={value === p.value}
              onChange={() => onChange(p.value)}
              aria-describedby={[`${option}-hint`, errorId].filter(Boolean).join(" ")}
              {...(error && { "aria-invalid": true })}
            />
            <div>
              <label htmlFor={option}>{p.label}</label>
              <p className="hint" id={`${option}-hint`}>
                {p.hint}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
