import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { ApiResponseSchemaHost, OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodPipe } from './zod.pipe';

type SchemaObject = ApiResponseSchemaHost['schema'];

/**
 * Response and request shapes are zod schemas: one definition validates at the edge and documents the
 * API, instead of classes whose OpenAPI types depend on emitted decorator metadata.
 */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as SchemaObject;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<Operation['parameters']>[number], { in: string }>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

function openApiPath(base: string | string[] | undefined, sub: string | string[] | undefined): string {
  const join = [base, sub].map((p) => (Array.isArray(p) ? p[0] : p) ?? '').join('/');
  const clean = `/${join}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return clean.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Declares every route's query, path and body parameters in the OpenAPI document from the ZodPipe
 * that validates them, so the document cannot say something the pipe does not check (the routes
 * take zod shapes, which @nestjs/swagger cannot see: the document declared no parameters at all).
 * A path parameter validated some other way is still declared, as a string.
 */
export function documentZodParameters(app: INestApplication, document: OpenAPIObject): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || method === undefined) continue;
        const item = document.paths[openApiPath(base, sub)] as Record<string, Operation | undefined> | undefined;
        const operation = item?.[RequestMethod[method].toLowerCase()];
        if (!operation) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
        for (const [key, arg] of Object.entries(args)) {
          const type = Number(key.split(':')[0]);
          const pipe = arg.pipes?.find((p): p is ZodPipe<z.ZodType> => p instanceof ZodPipe);
          if (!pipe) continue;
          if (type === RouteParamtypes.QUERY && arg.data === undefined) addQuery(operation, pipe.schema);
          else if (type === RouteParamtypes.PARAM && typeof arg.data === 'string') {
            setParameter(operation, { name: arg.data, in: 'path', required: true, schema: inputSchema(pipe.schema) });
          } else if (type === RouteParamtypes.BODY && operation.requestBody === undefined) {
            operation.requestBody = {
              required: true,
              content: { 'application/json': { schema: inputSchema(pipe.schema) as NonNullable<ParameterObject['schema']> } },
            };
          }
        }
      }
    }
  }
  for (const [route, item] of Object.entries(document.paths)) {
    const names = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      for (const name of names) {
        const declared = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path' && p.name === name);
        if (!declared) setParameter(operation, { name, in: 'path', required: true, schema: { type: 'string' } });
      }
    }
  }
}

function inputSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as SchemaObject;
}

function addQuery(operation: Operation, schema: z.ZodType): void {
  const json = inputSchema(schema) as { properties?: Record<string, SchemaObject & { description?: string }>; required?: string[] };
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const { description, ...rest } = property;
    setParameter(operation, { name, in: 'query', required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
  }
}

/** Replaces what @nestjs/swagger guessed for the same parameter, if anything. */
function setParameter(operation: Operation, parameter: ParameterObject): void {
  const others = (operation.parameters ?? []).filter((p) => !('in' in p && p.in === parameter.in && p.name === parameter.name));
  operation.parameters = [...others, parameter];
}
