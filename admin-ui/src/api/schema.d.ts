// Generated from platform-api's OpenAPI document by `npm run api:generate`; do not edit.
export interface paths {
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/systems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSystems"];
        put?: never;
        post: operations["registerSystem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/systems/{system_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSystem"];
        put?: never;
        post?: never;
        delete: operations["deleteSystem"];
        options?: never;
        head?: never;
        patch: operations["changeSystem"];
        trace?: never;
    };
    "/admin/systems/{system_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSystemEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/systems/{system_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["retrySystem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Assessment: {
            checks?: components["schemas"]["Check"][];
            plan?: components["schemas"]["PlannedResource"][];
            would_succeed?: boolean;
        };
        AuditEntry: {
            /** Format: date-time */
            at: string;
            client_id: string | null;
            /** Format: int64 */
            id: number;
            method: string;
            path: string;
            request_id: string;
            source_address: string | null;
            /** Format: int32 */
            status: number;
            subject: string | null;
            /** Format: uuid */
            system_id: string | null;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            next_cursor: string | null;
        };
        Buckets: {
            curated: string | null;
            prod: string | null;
            raw: string | null;
        };
        Change: {
            /** @description null: removed */
            after: unknown;
            /** @description null: it had none */
            before: unknown;
            /** @description e.g. endpoints, lambda_config.memory */
            field: string;
        };
        Check: {
            check?: string;
            detail?: string;
            passed?: boolean;
            resource?: string;
        };
        EndpointBody: {
            /** @enum {string} */
            method: "ANY" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT";
            path: string;
        };
        Events: {
            events: components["schemas"]["TimelineEntry"][];
            /** Format: uuid */
            system_id: string;
        };
        FieldViolation: {
            /** @description JSON path, e.g. endpoints[0].method */
            field: string;
            message: string;
        };
        InfrastructureView: {
            api_routes: string[];
            dashboard: string | null;
            dms_task: string | null;
            eventbridge_rules: string[];
            glue_crawler: string | null;
            glue_database: string | null;
            lambda_function: string | null;
            s3_buckets: components["schemas"]["Buckets"];
        };
        LambdaConfigBody: {
            /**
             * Format: int32
             * @description MiB
             */
            memory?: number | null;
            /** @enum {string|null} */
            runtime?: "python3.10" | "python3.11" | "python3.12" | "python3.13" | "nodejs18.x" | "nodejs20.x" | "nodejs22.x" | "java17" | "java21" | null;
            /**
             * Format: int32
             * @description seconds
             */
            timeout?: number | null;
        };
        PlannedResource: {
            /** @enum {string} */
            action?: "create" | "adopt" | "conflict";
            kind?: string;
            name?: string;
            settings?: {
                [key: string]: unknown;
            };
        };
        /** @description RFC 9457 problem details; `type` is stable, `errors` only on validation */
        Problem: {
            detail: string;
            errors?: components["schemas"]["FieldViolation"][];
            /** Format: uri-reference */
            instance?: string;
            /** Format: int32 */
            status: number;
            title: string;
            /**
             * Format: uri
             * @enum {string}
             */
            type: "https://aiplatform.io/problems/duplicate-name" | "https://aiplatform.io/problems/forbidden" | "https://aiplatform.io/problems/idempotency-key-reused" | "https://aiplatform.io/problems/internal" | "https://aiplatform.io/problems/invalid-state" | "https://aiplatform.io/problems/malformed-request" | "https://aiplatform.io/problems/method-not-allowed" | "https://aiplatform.io/problems/not-acceptable" | "https://aiplatform.io/problems/not-found" | "https://aiplatform.io/problems/payload-too-large" | "https://aiplatform.io/problems/precondition-failed" | "https://aiplatform.io/problems/precondition-required" | "https://aiplatform.io/problems/route-taken" | "https://aiplatform.io/problems/unauthorized" | "https://aiplatform.io/problems/unavailable" | "https://aiplatform.io/problems/unsupported-media-type" | "https://aiplatform.io/problems/validation";
        };
        RegistrationRequest: {
            data_sources?: string[] | null;
            description?: string | null;
            endpoints?: components["schemas"]["EndpointBody"][] | null;
            lambda_config?: components["schemas"]["LambdaConfigBody"] | null;
            /** @description Lowercase letters, digits and single hyphens, starting and ending with a letter or digit; maxLength keeps the longest resource name it yields (P-S-raw-to-curated under the resource prefix P) within 63 characters. */
            system_name: string;
        };
        RegistrationResponse: {
            message: string;
            note: string;
            /** @enum {string} */
            status: "pending_provisioning" | "active" | "provisioning_failed" | "updating" | "update_failed" | "deprovisioning" | "deleted" | "deprovisioning_failed";
            /** Format: uuid */
            system_id: string;
            system_name: string;
        };
        ResourceView: {
            /** @enum {string} */
            action: "created" | "existing" | "adopted" | "deleted" | "retained" | "rolled_back" | "none" | "updated" | "unchanged" | "restored";
            arn?: string;
            /** Format: date-time */
            at?: string;
            error?: string;
            /** @enum {string} */
            kind: "s3_bucket" | "glue_database" | "glue_crawler" | "eventbridge_rule" | "dms_endpoint" | "dms_replication_task" | "log_group" | "lambda_function" | "api_integration" | "lambda_permission" | "api_route" | "cloudwatch_dashboard" | "cloudwatch_alarm";
            name: string;
            /** @enum {string} */
            status: "succeeded" | "failed";
        };
        /** @description A merge patch of description, data_sources, endpoints and lambda_config */
        SystemChange: {
            data_sources?: string[] | null;
            description?: string | null;
            endpoints?: components["schemas"]["EndpointBody"][] | null;
            lambda_config?: components["schemas"]["LambdaConfigBody"] | null;
            /** @description Cannot change: when given, the system's own name */
            system_name?: string;
        };
        SystemPage: {
            items: components["schemas"]["SystemView"][];
            next_cursor: string | null;
        };
        SystemView: {
            /** Format: date-time */
            created_at: string;
            data_sources: string[];
            description: string | null;
            endpoints: components["schemas"]["EndpointBody"][];
            /** @description Why the last job failed; only when failed */
            error_message?: string;
            /** Format: int64 */
            generation: number;
            infrastructure: components["schemas"]["InfrastructureView"];
            lambda_config: components["schemas"]["LambdaConfigBody"] | null;
            resources: components["schemas"]["ResourceView"][];
            /** @enum {string} */
            status: "pending_provisioning" | "active" | "provisioning_failed" | "updating" | "update_failed" | "deprovisioning" | "deleted" | "deprovisioning_failed";
            /** Format: uuid */
            system_id: string;
            system_name: string;
            /** Format: date-time */
            updated_at: string;
        };
        TimelineEntry: {
            action?: string;
            /** Format: date-time */
            at: string;
            changes?: components["schemas"]["Change"][];
            error?: string;
            /** Format: int64 */
            generation: number;
            /** Format: uuid */
            job_id?: string;
            resource?: string;
            status: string;
            step: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAudit: {
        parameters: {
            query?: {
                cursor?: number;
                from?: string;
                limit?: number;
                subject?: string;
                system_id?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSystems: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending_provisioning" | "active" | "provisioning_failed" | "updating" | "update_failed" | "deprovisioning" | "deleted" | "deprovisioning_failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemPage"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerSystem: {
        parameters: {
            query?: {
                dry_run?: boolean;
            };
            header?: {
                /** @description Retries with the same key and body answer the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationRequest"];
            };
        };
        responses: {
            /** @description Registered; provisioning starts on its own */
            201: {
                headers: {
                    /** @description true when this is the stored answer to an earlier request with the key */
                    "Idempotent-Replayed": string;
                    /** @description /admin/systems/{system_id} */
                    Location: string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationResponse"] | components["schemas"]["Assessment"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A taken name (`duplicate-name`), a route another system owns (`route-taken`) or a state that forbids it (`invalid-state`) */
            409: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over PLATFORM_API_MAX_REQUEST_BODY */
            413: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (for PATCH: application/merge-patch+json) */
            415: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSystem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                system_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The record's version; a change names it in If-Match */
                    ETag: string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemView"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such system */
            404: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSystem: {
        parameters: {
            query?: {
                delete_data?: boolean;
            };
            header?: never;
            path: {
                system_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The record's version; a change names it in If-Match */
                    ETag: string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemView"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such system */
            404: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A taken name (`duplicate-name`), a route another system owns (`route-taken`) or a state that forbids it (`invalid-state`) */
            409: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeSystem: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the record the change was made from (or *); without it 428, when the record has changed since 412 */
                "If-Match": string;
            };
            path: {
                system_id: string;
            };
            cookie?: never;
        };
        /** @description A JSON merge patch (RFC 7396) of the record: members replace the record's, null removes one, lambda_config merges member by member, lists are replaced whole. system_name cannot change. The merged result is checked as a registration is. */
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["SystemChange"];
            };
        };
        responses: {
            /** @description The change is accepted; the system is updating */
            202: {
                headers: {
                    /** @description The record's version; a change names it in If-Match */
                    ETag: string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemView"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such system */
            404: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A taken name (`duplicate-name`), a route another system owns (`route-taken`) or a state that forbids it (`invalid-state`) */
            409: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names an older version of the record (`precondition-failed`) */
            412: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over PLATFORM_API_MAX_REQUEST_BODY */
            413: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (for PATCH: application/merge-patch+json) */
            415: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No If-Match (`precondition-required`) */
            428: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSystemEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                system_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Events"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such system */
            404: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retrySystem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                system_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The record's version; a change names it in If-Match */
                    ETag: string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemView"];
                };
            };
            /** @description Invalid fields or parameters (`validation`) or a body that is not JSON */
            400: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope */
            403: {
                headers: {
                    /** @description Bearer challenge */
                    "WWW-Authenticate": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such system */
            404: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The response cannot be given in an accepted media type */
            406: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A taken name (`duplicate-name`), a route another system owns (`route-taken`) or a state that forbids it (`invalid-state`) */
            409: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; details only in the log */
            500: {
                headers: {
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No database connection in time; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description The request id, as recorded in the audit log */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
