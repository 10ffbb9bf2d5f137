// The code a system's function starts with: answers every route with the system's name and the
// route, so that a new system's endpoints answer at once. The system replaces it with its own.
export const handler = async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ system: process.env.SYSTEM_NAME, route: event.routeKey }),
});
