/**
 * The default code of a system's Java function. Not part of the worker's own logic: the worker
 * ships the compiled class and zips it into a new function's package.
 */
package io.aiplatform.handler;
