import { forwardRef, useId } from "react";
import type { FieldErrors } from "./rules";
import { fieldId } from "./problemFields";
import { labelOf } from "./ConfigurationFields";

interface Props {
  title: string;
  errors: FieldErrors;
  unplaced: string[];
}

/** What is wrong, above the form: each field error links to its field; the rest as the API said it. */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ title, errors, unplaced }, ref) {
  const id = useId();
  const all = Object.entries(errors);
  if (all.length === 0 && unplaced.length === 0) {
    return null;
  }
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {all.map(([path, message]) => (
          <li key={path}>
            <a href={`#${fieldId(path)}`}>
              {labelOf(path)}: {message}
            </a>
          </li>
        ))}
        {unplaced.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
});
