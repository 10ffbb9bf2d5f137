import { useEffect, useId, useRef, useState, type FormEvent } from "react";

interface Props {
  systemName: string;
  onCancel: () => void;
  onDelete: (deleteData: boolean) => void;
}

/**
 * Deleting asks explicitly what happens to the data: the buckets are kept unless the admin
 * chooses otherwise and types the system's name to confirm.
 */
export function DeleteDialog({ systemName, onCancel, onDelete }: Props) {
  const [choice, setChoice] = useState<"keep" | "delete">("keep");
  const [typed, setTyped] = useState("");
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const confirmed = choice === "keep" || typed === systemName;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed) {
      onDelete(choice === "delete");
    }
  };
  return (
    <div className="overlay" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Delete {systemName}?
        </h2>
        <p>Its Glue database and crawler, EventBridge rule and DMS replication are removed. What about its data?</p>
        <form onSubmit={submit}>
          <fieldset className="group">
            <legend>The data buckets</legend>
            <div className="choice">
              <input type="radio" id={`${id}-keep`} name="data" checked={choice === "keep"} onChange={() => setChoice("keep")} />
              <label htmlFor={`${id}-keep`}>Keep the data buckets and everything in them</label>
            </div>
            <div className="choice">
              <input type="radio" id={`${id}-delete`} name="data" checked={choice === "delete"} onChange={() => setChoice("delete")} />
              <label htmlFor={`${id}-delete`}>Delete the data buckets and all their objects</label>
            </div>
          </fieldset>
          {choice === "delete" && (
            <div className="field">
              <label htmlFor={`${id}-confirm`}>Type {systemName} to confirm that its data is deleted</label>
              <input id={`${id}-confirm`} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
            </div>
          )}
          <div className="actions">
            <button type="submit" className="button danger" disabled={!confirmed}>
              {choice === "delete" ? "Delete the system and its data" : "Delete the system, keep the data"}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
