// The composition root as a library: the app module that wires the feature modules to one
// database and one GraphQL endpoint, the Express app around it, and the registry's schema (tables
// and migrations). apps/api starts it; the test harness and the commands in tools/ build the same
// app from here, so nothing outside the app imports from apps/.
export * from './app.module';
export * from './app.factory';
export * from './schema';
