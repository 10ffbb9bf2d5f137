#!/usr/bin/env python3
"""moto_server, plus what this project needs that moto 5.2.1 lacks or does otherwise than AWS.

    python3 local/emulator.py -H 127.0.0.1 -p 5000      # the same arguments as moto_server

A change of a system's data_sources modifies its DMS task's table mappings
(ModifyReplicationTask). moto 5.2.1 answers that call with a 500, so without this the local stack
could never show a data_sources change. The call is added here as AWS documents it: the task must
not be running (InvalidResourceStateFault otherwise), the given settings are stored, and the task
keeps its status, as a stopped or ready task does once AWS has applied a modification. Everything
A verify job with repair converges a crawler whose settings drifted (UpdateCrawler), which moto
5.2.1 also answers with a 500; it is added the same way: refused while the crawler runs
(CrawlerRunningException), the given settings replace the crawler's, its tags stay. Everything
DMS endpoints: AWS answers CreateEndpoint with an endpoint that is already `active` (it has no
creating state to wait out); moto 5.2.1 leaves every endpoint `creating` for ever, so they are made
`active` here, which the registration's check of the platform's source endpoint relies on.
Everything else is moto as it is. Used by scripts/backing-services.sh (tests, run-local.sh) and compose.
"""
import json

from moto.dms.exceptions import InvalidResourceStateFault, ResourceNotFoundFault
from moto.dms.models import DatabaseMigrationServiceBackend
from moto.dms.responses import DatabaseMigrationServiceResponse
from moto.glue.exceptions import CrawlerRunningException
from moto.glue.models import GlueBackend
from moto.glue.responses import GlueResponse
from moto.server import main

MODIFIABLE = ("ready", "stopped", "failed")


def modify_replication_task(self, replication_task_arn, changes):
    task = self.replication_tasks.get(replication_task_arn)
    if task is None:
        raise ResourceNotFoundFault("Replication task could not be found.")
    if task.status not in MODIFIABLE:
        raise InvalidResourceStateFault(
            f"Replication task is {task.status}; only a stopped or ready task can be modified")
    for attribute, value in changes.items():
        if value is not None:
            setattr(task, attribute, value)
    return task


def modify_replication_task_response(self):
    params = json.loads(self.body)
    task = self.dms_backend.modify_replication_task(
        replication_task_arn=params.get("ReplicationTaskArn"),
        changes={
            "id": params.get("ReplicationTaskIdentifier"),
            "migration_type": params.get("MigrationType"),
            "table_mappings": params.get("TableMappings"),
            "replication_task_settings": params.get("ReplicationTaskSettings"),
        },
    )
    return json.dumps({"ReplicationTask": task.to_dict()})


def update_crawler(self, name, changes):
    crawler = self.get_crawler(name)
    if crawler.status == "RUNNING":
        raise CrawlerRunningException(f"Crawler with name {name} has already started")
    for attribute, value in changes.items():
        if value is not None:
            setattr(crawler, attribute, value)
    crawler.version += 1
    return crawler


def update_crawler_response(self):
    params = json.loads(self.body)
    self.glue_backend.update_crawler(
        name=params.get("Name"),
        changes={
            "role": params.get("Role"),
            "database_name": params.get("DatabaseName"),
            "description": params.get("Description"),
            "targets": params.get("Targets"),
            "schedule": params.get("Schedule"),
            "table_prefix": params.get("TablePrefix"),
            "schema_change_policy": params.get("SchemaChangePolicy"),
            "recrawl_policy": params.get("RecrawlPolicy"),
            "configuration": params.get("Configuration"),
        },
    )
    return "{}"


if not hasattr(GlueResponse, "update_crawler"):
    GlueBackend.update_crawler = update_crawler
    GlueResponse.update_crawler = update_crawler_response

if not hasattr(DatabaseMigrationServiceResponse, "modify_replication_task"):
    DatabaseMigrationServiceBackend.modify_replication_task = modify_replication_task
    DatabaseMigrationServiceResponse.modify_replication_task = modify_replication_task_response

def active_on_create(create_endpoint):
    def create(self, *args, **kwargs):
        endpoint = create_endpoint(self, *args, **kwargs)
        endpoint.status = "active"
        return endpoint
    create.active_on_create = True
    return create


if not getattr(DatabaseMigrationServiceBackend.create_endpoint, "active_on_create", False):
    DatabaseMigrationServiceBackend.create_endpoint = active_on_create(
        DatabaseMigrationServiceBackend.create_endpoint)

if __name__ == "__main__":
    main()
