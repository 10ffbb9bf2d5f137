import { useEffect, useRef, useState, type FormEvent } from "react";
import { useApp } from "../../AppContext";
import { asProblem, type SystemRecord } from "../../api/client";
import { DEFAULT_RUNTIMES, type Draft } from "../../register/draft";
import { checkDraft, type FieldErrors } from "../../register/rules";
import { placeProblem } from "../../register/problemFields";
import { Field } from "../../register/Field";
import { ConfigurationFields, fieldsOf, labelOf } from "../../register/ConfigurationFields";
import { ErrorSummary } from "../../register/ErrorSummary";
import { changedFields, draftOf, rebase, toPatch } from "./patch";
import { statusLabel } from "../../ui/StatusBadge";
import { policyLabel } from "../../register/policy";

export const MERGE_PATCH = "application/merge-patch+json";

/** A version of the record: its body and the entity tag a change names in If-Match. */
export interface Version {
  system: SystemRecord;
  etag: string | null;
}

interface Props {
  /** The record as the page shows it now; the form follows it (see below). */
  version: Version;
  /** Whether the system takes a change now (active, or its last change failed). */
  editable: boolean;
  /** Reads the record again (after a 412), answering the version now stored. */
  reload: () => Promise<Version | null>;
  onChanged: (changed: Version) => void;
  onCancel: () => void;
}

/**
 * A day-2 change: the configuration's fields, sent as a JSON merge patch of what changed, made from
 * the version the form was opened on (If-Match). When someone else changed the system first (412)
 * the page shows their version and the form keeps what the admin typed, to send again over it.
 */
export function EditForm({ version, editable, reload, onChanged, onCancel }: Props) {
  const { api, config } = useApp();
  const runtimes = config.lambdaRuntimes ?? DEFAULT_RUNTIMES;
  const [base, setBase] = useState<Version>(version);
  const [draft, setDraft] = useState<Draft>(() => draftOf(version.system));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [sending, setSending] = useState(false);
  const [shown, setShown] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const systemId = version.system.system_id;

  useEffect(() => heading.current?.focus(), []);
  // A newer version than the form's (read after a 412, or followed while someone else's change
  // converges) becomes the base of the next send: with the same configuration silently, with a
  // different one rebased and said.
  useEffect(() => {
    if (version.etag === base.etag) {
      return;
    }
    const fields = changedFields(base.system, version.system);
    setBase(version);
    if (fields.length > 0) {
      setDraft((d) => rebase(d, base.system, version.system));
      setConflict(fields.map((f) => `${labelOf(f)}: now ${valueAt(version.system, f)}`));
    }
  }, [version, base]);
  useEffect(() => {
    if (shown > 0) {
      (summary.current ?? conflictNotice.current)?.focus();
    }
  }, [shown]);

  const show = (fields: FieldErrors, other: string[], heading: string) => {
    setErrors(fields);
    setUnplaced(other);
    setTitle(heading);
    setConflict(null);
    setShown((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, config.resourcePrefix, runtimes);
    delete found["system_name"]; // the system's own name, which no change sets
    if (Object.keys(found).length > 0) {
      return show(found, [], "Check these fields");
    }
    const patch = toPatch(base.system, draft);
    if (Object.keys(patch).length === 0) {
      return show({}, ["The form shows the configuration as it is: change a field first."], "Nothing to change");
    }
    setSending(true);
    const { data, error, response } = await api.PATCH("/admin/systems/{system_id}", {
      params: { path: { system_id: systemId }, header: { "If-Match": base.etag ?? "*" } },
      body: patch,
      headers: { "Content-Type": MERGE_PATCH },
    });
    if (data) {
      setSending(false);
      onChanged({ system: data, etag: response.headers.get("ETag") });
      return;
    }
    const refusal = asProblem(error, response.status);
    if (response.status === 412 && (await reload())) {
      // The effect above moves the form onto the version just read and lists what differs.
      setSending(false);
      setErrors({});
      setUnplaced([]);
      setConflict((c) => c ?? []);
      setShown((n) => n + 1);
      return;
    }
    setSending(false);
    const placed = placeProblem(refusal, fieldsOf(draft));
    show(placed.fields, placed.unplaced, `The API refused the change: ${refusal.title}`);
  };

  return (
    <section aria-labelledby="edit-title" className="card">
      <h2 id="edit-title" ref={heading} tabIndex={-1}>
        Change the configuration
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby="edit-intro">
        <p id="edit-intro">
          Sends only what you change. The system is then updating while provisioner-worker changes
          its resources, and active again with the new configuration (or, if the change fails in AWS,
          with the previous one restored).
        </p>
        {conflict && (
          <div className="notice warning" role="alert" tabIndex={-1} ref={conflictNotice} aria-labelledby="edit-conflict-title">
            <h3 id="edit-conflict-title">Someone else changed this system first</h3>
            <p>
              Nothing of yours was applied. The page now shows their version
              {conflict.length > 0 ? "; they changed:" : " (the configuration itself is the same)."}
            </p>
            {conflict.length > 0 && (
              <ul>
                {conflict.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
            <p>
              The form now holds their version with your edits on top: fields you did not touch show
              their values, fields you edited keep yours. Check it and save again to apply your edits to
              the new version.
            </p>
          </div>
        )}
        <ErrorSummary ref={summary} title={title} errors={errors} unplaced={unplaced} />
        <Field path="system_name" label="System name" hint="A system's name cannot change." error={errors["system_name"]}>
          {(p) => <input {...p} value={version.system.system_name} readOnly />}
        </Field>
        <ConfigurationFields draft={draft} update={update} errors={errors} runtimes={runtimes} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={sending || !editable} aria-describedby={editable ? undefined : "edit-wait"}>
            {sending ? "Saving…" : "Save the change"}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
        {!editable && (
          <p className="hint" id="edit-wait">
            {version.system.system_name} is {statusLabel(version.system.status).toLowerCase()}: it takes a change again once it
            is active. This page follows it.
          </p>
        )}
      </form>
    </section>
  );
}

/** A field's value in a record, as the conflict notice says it. */
function valueAt(system: SystemRecord, field: string): string {
  if (field === "reconcile_policy") {
    return `“${policyLabel(system.reconcile_policy)}”`;
  }
  const value =
    field === "description"
      ? system.description
      : field === "data_sources"
        ? system.data_sources.join(", ")
        : field === "endpoints"
          ? system.endpoints.map((e) => `${e.method} ${e.path}`).join(", ")
          : system.lambda_config?.[field.replace("lambda_config.", "") as "memory" | "timeout" | "runtime"];
  return value === null || value === undefined || value === "" ? "none" : `“${value}”`;
}
