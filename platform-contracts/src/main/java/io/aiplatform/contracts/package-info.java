/**
 * Messages exchanged between platform-api and provisioner-worker over SQS.
 *
 * <p>Every message carries {@code schemaVersion}. Readers ignore fields they do not know, so a
 * writer may add fields without a coordinated deploy; removing or re-typing a field needs a new
 * schema version.
 */
package io.aiplatform.contracts;
