#!/usr/bin/env python3
"""Creates everything the three services expect in the AWS emulator, idempotently.

One init for both local paths: docker compose runs it in the moto image (which ships boto3),
scripts/run-local.sh runs it with the local python3. It reads the emulator endpoint from
AWS_ENDPOINT_URL and prints the settings the services need as KEY=VALUE lines on stdout.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

PREFIX = os.environ.get("PLATFORM_PREFIX", "platform")
REGION = os.environ.get("AWS_REGION", "us-east-1")
SHARDS = int(os.environ.get("PLATFORM_STREAM_SHARDS", "2"))
JOB_MAX_RECEIVES = os.environ.get("PLATFORM_JOB_MAX_RECEIVES", "5")

SAMPLE_PRODUCTS = [
    ("PROD-001", "Wireless Headphones", "Electronics", "99.99"),
    ("PROD-002", "Running Shoes", "Sports", "129.99"),
    ("PROD-003", "Coffee Maker", "Home & Kitchen", "79.99"),
    ("PROD-004", "Yoga Mat", "Sports", "29.99"),
    ("PROD-005", "Desk Lamp", "Home Office", "45.50"),
]


def log(message):
    print(f"[init] {message}", file=sys.stderr)


def client(service):
    return boto3.client(service, region_name=REGION)


def account_id():
    return client("sts").get_caller_identity()["Account"]


def kms_key():
    kms = client("kms")
    alias = f"alias/{PREFIX}-data"
    try:
        return kms.describe_key(KeyId=alias)["KeyMetadata"]["Arn"]
    except ClientError:
        arn = kms.create_key(Description=f"{PREFIX} data platform key")["KeyMetadata"]["Arn"]
        kms.create_alias(AliasName=alias, TargetKeyId=arn)
        log(f"created KMS key {alias}")
        return arn


def queue(name, attributes):
    sqs = client("sqs")
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn


def queues():
    # Names and attributes as terraform/modules/messaging (with terraform/emulator's settings);
    # e2e-tests' TerraformEmulatorIntegrationTests compares the two.
    fifo = {"FifoQueue": "true", "ContentBasedDeduplication": "false"}
    dlq = {"MessageRetentionPeriod": "1209600"}
    _, jobs_dlq = queue(f"{PREFIX}-provisioning-jobs-dlq.fifo", {**fifo, **dlq})
    redrive = lambda dlq: json.dumps({"deadLetterTargetArn": dlq, "maxReceiveCount": JOB_MAX_RECEIVES})
    queue(f"{PREFIX}-provisioning-jobs.fifo",
          {**fifo, "DeduplicationScope": "messageGroup", "FifoThroughputLimit": "perMessageGroupId",
           "VisibilityTimeout": "60", "ReceiveMessageWaitTimeSeconds": "20",
           "RedrivePolicy": redrive(jobs_dlq)})
    _, results_dlq = queue(f"{PREFIX}-provisioning-results-dlq", dlq)
    queue(f"{PREFIX}-provisioning-results",
          {"ReceiveMessageWaitTimeSeconds": "20", "RedrivePolicy": redrive(results_dlq)})
    # Target of every system's raw-to-curated EventBridge rule (as in Terraform).
    _, raw_dlq = queue(f"{PREFIX}-raw-to-curated-dlq", dlq)
    _, raw_events = queue(f"{PREFIX}-raw-to-curated", {"RedrivePolicy": redrive(raw_dlq)})
    log("queues ready")
    return raw_events


def stream():
    kinesis = client("kinesis")
    name = f"{PREFIX}-events"
    try:
        kinesis.create_stream(StreamName=name, ShardCount=SHARDS)
        log(f"created stream {name} with {SHARDS} shards")
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceInUseException":
            raise
    kinesis.get_waiter("stream_exists").wait(StreamName=name)


def table(name, key, extra_attributes=(), **options):
    dynamodb = client("dynamodb")
    attributes = [{"AttributeName": a, "AttributeType": "S"} for a in (key, *extra_attributes)]
    try:
        dynamodb.create_table(TableName=name, KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
                              AttributeDefinitions=attributes, BillingMode="PAY_PER_REQUEST", **options)
        log(f"created table {name}")
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceInUseException":
            raise


def kcl_tables():
    """The consumer's KCL tables, made beforehand as Terraform does (KCL would make them too)."""
    application = f"{PREFIX}-enrichment"
    table(application, "leaseKey", ["leaseOwner"], GlobalSecondaryIndexes=[{
        "IndexName": "LeaseOwnerToLeaseKeyIndex",
        "KeySchema": [{"AttributeName": "leaseOwner", "KeyType": "HASH"},
                      {"AttributeName": "leaseKey", "KeyType": "RANGE"}],
        "Projection": {"ProjectionType": "KEYS_ONLY"}}])
    table(f"{application}-CoordinatorState", "key")
    table(f"{application}-WorkerMetricStats", "wid")


def reference_table():
    dynamodb = client("dynamodb")
    name = f"{PREFIX}-product-reference"
    table(name, "productId")
    for product_id, product_name, category, price in SAMPLE_PRODUCTS:
        dynamodb.put_item(TableName=name, Item={
            "productId": {"S": product_id}, "productName": {"S": product_name},
            "category": {"S": category}, "price": {"N": price}})


def intents_table():
    """The worker's create intents (see docs/provisioning.md), expiring through the TTL attribute."""
    dynamodb = client("dynamodb")
    name = f"{PREFIX}-provisioning-intents"
    try:
        dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "resource", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "resource", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"})
        log(f"created table {name}")
    except ClientError as e:
        if e.response["Error"]["Code"] != "ResourceInUseException":
            raise
    return name


def replication():
    """The platform's DMS replication instance and source endpoint, so that systems with
    data_sources get their target endpoint and task locally as in AWS. The emulator never connects
    to the source database, so its address is a placeholder and its password random."""
    import secrets

    dms = client("dms")
    instance_id, source_id = f"{PREFIX}-replication", f"{PREFIX}-operational-source"
    found = dms.describe_replication_instances(
        Filters=[{"Name": "replication-instance-id", "Values": [instance_id]}])["ReplicationInstances"]
    instance = found[0] if found else dms.create_replication_instance(
        ReplicationInstanceIdentifier=instance_id, ReplicationInstanceClass="dms.t3.medium",
        AllocatedStorage=20)["ReplicationInstance"]
    found = dms.describe_endpoints(
        Filters=[{"Name": "endpoint-id", "Values": [source_id]}])["Endpoints"]
    source = found[0] if found else dms.create_endpoint(
        EndpointIdentifier=source_id, EndpointType="source", EngineName="postgres",
        ServerName="operational-db.local", Port=5432, DatabaseName="operations",
        Username="replicator", Password=secrets.token_urlsafe(16))["Endpoint"]
    log("DMS replication instance and source endpoint ready")
    return {
        "PLATFORM_WORKER_DMS_REPLICATION_INSTANCE_ARN": instance["ReplicationInstanceArn"],
        "PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN": source["EndpointArn"],
        "PLATFORM_WORKER_DMS_SOURCE_SCHEMA": "public",
        "PLATFORM_WORKER_DMS_S3_SERVICE_ROLE_ARN": role(f"{PREFIX}-dms-s3", "dms.amazonaws.com"),
    }


def role(name, service):
    iam = client("iam")
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})
    try:
        return iam.get_role(RoleName=name)["Role"]["Arn"]
    except ClientError:
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=policy)["Role"]["Arn"]


def system_runtime():
    """The platform HTTP API with its JWT authorizer, which every system's routes go on, and the
    role every system's function runs as (as in Terraform). The emulator creates functions without
    running them; it cannot invoke them, which is fine locally."""
    gateway = client("apigatewayv2")
    name = f"{PREFIX}-platform"
    api = next((a for a in gateway.get_apis()["Items"] if a["Name"] == name), None)
    if api is None:
        api = gateway.create_api(Name=name, ProtocolType="HTTP")
        log(f"created HTTP API {name}")
    api_id = api["ApiId"]
    # The emulator cannot list authorizers: the API remembers its authorizer's id in a tag.
    authorizer_id = (api.get("Tags") or {}).get("platform:authorizer-id")
    if authorizer_id is None:
        authorizer_id = gateway.create_authorizer(
            ApiId=api_id, Name="platform-jwt", AuthorizerType="JWT",
            IdentitySource=["$request.header.Authorization"],
            JwtConfiguration={"Issuer": os.environ.get("PLATFORM_JWT_ISSUER", "https://issuer.platform.local"),
                              "Audience": ["platform-admin-ui", "platform-cli"]})["AuthorizerId"]
        gateway.tag_resource(ResourceArn=f"arn:aws:apigateway:{REGION}::/apis/{api_id}",
                             Tags={"platform:authorizer-id": authorizer_id})
    return {
        "PLATFORM_WORKER_API_ID": api_id,
        "PLATFORM_WORKER_API_AUTHORIZER_ID": authorizer_id,
        "PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN": role(f"{PREFIX}-system-function", "lambda.amazonaws.com"),
    }


def delivery_streams():
    s3 = client("s3")
    firehose = client("firehose")
    bucket = f"{PREFIX}-enriched-data-{account_id()}"
    try:
        s3.create_bucket(Bucket=bucket)
    except ClientError as e:
        if e.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise
    role_arn = role(f"{PREFIX}-firehose-delivery", "firehose.amazonaws.com")
    existing = firehose.list_delivery_streams(Limit=100)["DeliveryStreamNames"]
    partitions = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}"
    for name, prefix in ((f"{PREFIX}-enriched-events", "enriched"), (f"{PREFIX}-enrichment-errors", "errors")):
        if name not in existing:
            firehose.create_delivery_stream(
                DeliveryStreamName=name,
                DeliveryStreamType="DirectPut",
                ExtendedS3DestinationConfiguration={
                    "RoleARN": role_arn, "BucketARN": f"arn:aws:s3:::{bucket}",
                    "Prefix": f"{prefix}/{partitions}/hour=!{{timestamp:HH}}/",
                    "ErrorOutputPrefix": f"delivery-errors/{prefix}/!{{firehose:error-output-type}}/{partitions}/",
                    "CompressionFormat": "UNCOMPRESSED",
                    "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 60}})
            log(f"created delivery stream {name}")
    return bucket


def dev_keys(directory):
    """A development RSA key pair, made once per stack: useless anywhere but this stack."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private_path = os.path.join(directory, "dev-private.pem")
    public_path = os.path.join(directory, "dev-public.pem")
    if not os.path.exists(private_path):
        os.makedirs(directory, exist_ok=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with open(private_path, "wb") as out:
            out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))
        os.chmod(private_path, 0o644)  # the host user mints tokens with it; development only
        with open(public_path, "wb") as out:
            out.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                    serialization.PublicFormat.SubjectPublicKeyInfo))
        log(f"generated a development key pair in {directory}")
    return public_path


def main():
    keys_dir = os.environ.get("PLATFORM_DEV_KEYS_DIR")
    key_arn = kms_key()
    raw_events = queues()
    stream()
    kcl_tables()
    reference_table()
    bucket = delivery_streams()
    settings = {
        "PLATFORM_WORKER_INTENTS_TABLE": intents_table(),
        "PLATFORM_WORKER_BUCKETS_KMS_KEY_ID": key_arn,
        "PLATFORM_WORKER_GLUE_CRAWLER_ROLE_ARN": role(f"{PREFIX}-glue-crawler", "glue.amazonaws.com"),
        "PLATFORM_WORKER_EVENTBRIDGE_TARGET_ARN": raw_events,
        "PLATFORM_DELIVERY_BUCKET": bucket,
        **replication(),
        **system_runtime(),
    }
    # The API's registration pre-checks look where the worker provisions: routes on the same HTTP
    # API, the task and tables of the same DMS source (the stand-in keeps no secret, so its tables
    # are reported "not checked").
    settings["PLATFORM_API_PRECHECKS_API_ID"] = settings["PLATFORM_WORKER_API_ID"]
    settings["PLATFORM_API_PRECHECKS_DMS_SOURCE_ENDPOINT_ARN"] = settings[
        "PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN"]
    settings["PLATFORM_API_PRECHECKS_DMS_SOURCE_SCHEMA"] = settings["PLATFORM_WORKER_DMS_SOURCE_SCHEMA"]
    if keys_dir:
        settings["PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION"] = "file:" + dev_keys(keys_dir)
    for key, value in settings.items():
        print(f"{key}={value}")
    log("all resources ready")


if __name__ == "__main__":
    main()
