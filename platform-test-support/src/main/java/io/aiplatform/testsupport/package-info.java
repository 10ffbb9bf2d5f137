/**
 * Real backing services for the services' tests: PostgreSQL and an AWS emulator, taken from the
 * environment ({@code scripts/backing-services.sh}) or, where Docker runs, from Testcontainers.
 */
package io.aiplatform.testsupport;
