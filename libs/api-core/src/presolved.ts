import { GraphQLSchema, isObjectType } from 'graphql';

/**
 * Nested fields a parent already carries resolved. A list that reads its records with its page
 * (one statement) and projects them for the reader can hand each nested field its value with the
 * parent, instead of leaving it to the field's resolver, which runs once per parent through the
 * framework (its context, its parameters, its field middleware, a DataLoader) to find the value
 * already there.
 *
 * The value given must be exactly what the field's resolver would return for that reader: the
 * list decides it with the same field-access rules, and gives a value only where the resolver
 * would run (a field withheld from the reader, or refused, is left to the resolver).
 */
const PRESOLVED = Symbol('fields resolved with their parent');

type Presolved = { [PRESOLVED]?: Record<string, unknown> };

/** Gives `parent`'s field `field` its value, for the schema's wrapped resolver to return. */
export function presolve(parent: object, field: string, value: unknown): void {
  const p = parent as Presolved;
  (p[PRESOLVED] ??= {})[field] = value;
}

/**
 * Wraps the resolvers of the named fields (type name to field names) so that a parent carrying a
 * field's value (presolve) gets it, and every other parent the field's own resolver. Changes the
 * schema's field definitions in place; returns the schema.
 */
export function withPresolvedFields(schema: GraphQLSchema, fields: Readonly<Record<string, readonly string[]>>): GraphQLSchema {
  for (const [typeName, names] of Object.entries(fields)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
    for (const name of names) {
      const field = type.getFields()[name];
      const resolve = field?.resolve;
      if (!resolve) throw new Error(`${typeName}.${name} has no resolver to stand in for`);
      field.resolve = (source, args, context, info) => {
        const done = (source as Presolved | null)?.[PRESOLVED];
        return done !== undefined && Object.prototype.hasOwnProperty.call(done, name) ? done[name] : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
