import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useApp } from "../AppContext";
import { asProblem, type Problem } from "../api/client";
import { DEFAULT_RUNTIMES, EMPTY_DRAFT, METHODS, clearDraft, loadDraft, saveDraft, toRequest, type Draft } from "./draft";
import { checkDraft, maxNameLength, type FieldErrors } from "./rules";
import { fieldId, placeProblem } from "./problemFields";
import { Field, FieldGroup } from "./Field";

interface Props {
  onRegistered: (systemId: string) => void;
}

/**
 * Every field of a registration. Checks what it can before sending, then shows each error the API
 * names at its field. The draft is kept in the tab, so an expired sign-in loses nothing.
 */
export function RegisterForm({ onRegistered }: Props) {
  const { api, config } = useApp();
  const runtimes = config.lambdaRuntimes ?? DEFAULT_RUNTIMES;
  const [draft, setDraft] = useState<Draft>(() => loadDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [shown, setShown] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const max = maxNameLength(config.resourcePrefix);

  useEffect(() => saveDraft(draft), [draft]);
  const formFields = useMemo(() => fieldsOf(draft), [draft]);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const showErrors = (fields: FieldErrors, other: string[], refusal: Problem | null) => {
    setErrors(fields);
    setUnplaced(other);
    setProblem(refusal);
    setShown((n) => n + 1);
  };
  // Right after the summary renders, before anything else can take the focus.
  useEffect(() => {
    if (shown > 0) {
      summary.current?.focus();
    }
  }, [shown]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, config.resourcePrefix, runtimes);
    if (Object.keys(found).length > 0) {
      showErrors(found, [], null);
      return;
    }
    const body = toRequest(draft);
    const json = JSON.stringify(body);
    // The same body keeps its Idempotency-Key, so a retried send cannot register twice.
    if (attempt.current?.body !== json) {
      attempt.current = { body: json, key: crypto.randomUUID() };
    }
    setSending(true);
    const { data, error, response } = await api.POST("/admin/systems", {
      body,
      params: { header: { "Idempotency-Key": attempt.current.key } },
    });
    setSending(false);
    if (data) {
      clearDraft();
      onRegistered(data.system_id);
      return;
    }
    const refusal = asProblem(error, response.status);
    const placed = placeProblem(refusal, formFields);
    showErrors(placed.fields, placed.unplaced, refusal);
  };

  const allErrors = Object.entries(errors);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby="register-intro">
      <p id="register-intro">
        Registers the system and starts provisioning its buckets, Glue database and crawler,
        EventBridge rule and, for its data sources, DMS replication. Fields marked optional can be
        left empty.
      </p>
      {(allErrors.length > 0 || unplaced.length > 0) && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">
            {problem ? `The API refused the registration: ${problem.title}` : "Check these fields"}
          </h2>
          <ul>
            {allErrors.map(([path, message]) => (
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
      )}

      <Field
        path="system_name"
        label="System name"
        error={errors["system_name"]}
        hint={`Lowercase letters, digits and single hyphens; at most ${max} characters. Its resources are named ${config.resourcePrefix}-NAME-raw, ${config.resourcePrefix}_NAME_db, …`}
      >
        {(p) => (
          <input {...p} value={draft.name} autoComplete="off" spellCheck={false} onChange={(e) => update({ name: e.target.value })} />
        )}
      </Field>

      <Field path="description" label="Description (optional)" error={errors["description"]} hint="At most 1024 characters.">
        {(p) => <textarea {...p} rows={3} value={draft.description} onChange={(e) => update({ description: e.target.value })} />}
      </Field>

      <FieldGroup path="data_sources" legend="Data sources (optional)" error={errors["data_sources-group"]}>
        <p className="hint">Tables of the operational database to replicate into the raw bucket.</p>
        {draft.dataSources.map((table, i) => (
          <div className="row" key={i}>
            <Field path={`data_sources[${i}]`} label={`Table ${i + 1}`} error={errors[`data_sources[${i}]`]}>
              {(p) => (
                <input
                  {...p}
                  value={table}
                  spellCheck={false}
                  onChange={(e) => update({ dataSources: draft.dataSources.map((t, j) => (j === i ? e.target.value : t)) })}
                />
              )}
            </Field>
            <button type="button" className="button link" onClick={() => update({ dataSources: draft.dataSources.filter((_, j) => j !== i) })}>
              Remove table {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => update({ dataSources: [...draft.dataSources, ""] })}>
          Add a table
        </button>
      </FieldGroup>

      <FieldGroup path="endpoints" legend="Endpoints (optional)" error={errors["endpoints-group"]}>
        {draft.endpoints.map((endpoint, i) => (
          <div className="row" key={i}>
            <Field path={`endpoints[${i}].path`} label={`Endpoint ${i + 1} path`} error={errors[`endpoints[${i}].path`]}>
              {(p) => (
                <input {...p} value={endpoint.path} placeholder="/forecast" spellCheck={false} onChange={(e) => setEndpoint(i, { path: e.target.value })} />
              )}
            </Field>
            <Field path={`endpoints[${i}].method`} label={`Endpoint ${i + 1} method`} error={errors[`endpoints[${i}].method`]}>
              {(p) => (
                <select {...p} value={endpoint.method} onChange={(e) => setEndpoint(i, { method: e.target.value })}>
                  {METHODS.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className="button link" onClick={() => update({ endpoints: draft.endpoints.filter((_, j) => j !== i) })}>
              Remove endpoint {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => update({ endpoints: [...draft.endpoints, { path: "/", method: "GET" }] })}>
          Add an endpoint
        </button>
      </FieldGroup>

      <FieldGroup path="lambda_config" legend="Lambda function (optional)" error={errors["lambda_config-group"]}>
        <div className="row">
          <Field path="lambda_config.memory" label="Memory (MiB)" hint="128 to 10240" error={errors["lambda_config.memory"]}>
            {(p) => <input {...p} inputMode="numeric" value={draft.memory} onChange={(e) => update({ memory: e.target.value })} />}
          </Field>
          <Field path="lambda_config.timeout" label="Timeout (seconds)" hint="1 to 900" error={errors["lambda_config.timeout"]}>
            {(p) => <input {...p} inputMode="numeric" value={draft.timeout} onChange={(e) => update({ timeout: e.target.value })} />}
          </Field>
          <Field path="lambda_config.runtime" label="Runtime" error={errors["lambda_config.runtime"]}>
            {(p) => (
              <select {...p} value={draft.runtime} onChange={(e) => update({ runtime: e.target.value })}>
                <option value="">Platform default</option>
                {runtimes.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </FieldGroup>

      <div className="actions">
        <button type="submit" className="button primary" disabled={sending}>
          {sending ? "Registering…" : "Register system"}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(EMPTY_DRAFT);
            setErrors({});
            setUnplaced([]);
            setProblem(null);
          }}
        >
          Clear the form
        </button>
      </div>
    </form>
  );

  function setEndpoint(i: number, change: Partial<Draft["endpoints"][number]>) {
    update({ endpoints: draft.endpoints.map((e, j) => (j === i ? { ...e, ...change } : e)) });
  }
}

/** The field paths the form has now, in the API's naming. */
function fieldsOf(draft: Draft): Set<string> {
  const fields = new Set(["system_name", "description", "lambda_config.memory", "lambda_config.timeout", "lambda_config.runtime"]);
  ["data_sources-group", "endpoints-group", "lambda_config-group"].forEach((g) => fields.add(g));
  draft.dataSources.forEach((_, i) => fields.add(`data_sources[${i}]`));
  draft.endpoints.forEach((_, i) => {
    fields.add(`endpoints[${i}].path`);
    fields.add(`endpoints[${i}].method`);
  });
  return fields;
}

function labelOf(path: string): string {
  const item = /^(data_sources|endpoints)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (item) {
    const n = Number(item[2]) + 1;
    return item[1] === "data_sources" ? `Table ${n}` : `Endpoint ${n} ${item[3] ?? ""}`.trim();
  }
  const labels: Record<string, string> = {
    system_name: "System name",
    description: "Description",
    "lambda_config.memory": "Memory",
    "lambda_config.timeout": "Timeout",
    "lambda_config.runtime": "Runtime",
    "data_sources-group": "Data sources",
    "endpoints-group": "Endpoints",
    "lambda_config-group": "Lambda function",
  };
  return labels[path] ?? path;
}

