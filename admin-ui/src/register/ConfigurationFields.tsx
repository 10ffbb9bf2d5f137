import { METHODS, type Draft } from "./draft";
import type { FieldErrors } from "./rules";
import { Field, FieldGroup } from "./Field";
import { PolicyField } from "./PolicyField";

interface Props {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  errors: FieldErrors;
  runtimes: readonly string[];
}

/**
 * The configuration of a system a registration sets and a change changes: description, data
 * sources, endpoints, the Lambda function and the drift policy. Shared by the register form and
 * the edit form, so both name their fields (and place the API's errors) the same way.
 */
export function ConfigurationFields({ draft, update, errors, runtimes }: Props) {
  const setEndpoint = (i: number, change: Partial<Draft["endpoints"][number]>) =>
    update({ endpoints: draft.endpoints.map((e, j) => (j === i ? { ...e, ...change } : e)) });
  return (
    <>
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

      <PolicyField value={draft.reconcilePolicy} onChange={(reconcilePolicy) => update({ reconcilePolicy })} error={errors["reconcile_policy"]} />
    </>
  );
}

/** The field paths a draft's form has now, in the API's naming. */
export function fieldsOf(draft: Draft): Set<string> {
  const fields = new Set(["system_name", "description", "lambda_config.memory", "lambda_config.timeout", "lambda_config.runtime", "reconcile_policy"]);
  ["data_sources-group", "endpoints-group", "lambda_config-group"].forEach((g) => fields.add(g));
  draft.dataSources.forEach((_, i) => fields.add(`data_sources[${i}]`));
  draft.endpoints.forEach((_, i) => {
    fields.add(`endpoints[${i}].path`);
    fields.add(`endpoints[${i}].method`);
  });
  return fields;
}

/** A field path as the form labels it, for error summaries. */
export function labelOf(path: string): string {
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
    reconcile_policy: "Drift policy",
  };
  return labels[path] ?? path;
}
