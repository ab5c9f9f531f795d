import fs from 'node:fs';
import path from 'node:path';
import { DETECTION_DEFAULTS } from '@ringwatch/detection';
import { DEFAULTS as GOOD_FAITH_DEFAULTS } from '@ringwatch/good-faith';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './index';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');

describe('config', () => {
  it('defaults to a local Neo4j and loopback API', () => {
    const config = loadConfig({}, '/srv/ringwatch');
    expect(config.neo4j.mode).toBe('local');
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, readCacheTtlMs: 30_000, authStateTtlMs: 1_000 });
    if (config.neo4j.mode !== 'local') throw new Error('unreachable');
    expect(config.neo4j.port).toBe(7687);
    expect(config.neo4j.dataDir).toBe('/srv/ringwatch/.data/neo4j');
    expect(config.neo4j.password).toBeUndefined();
  });

  it('uses the given server when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret-pw',
      PII_HMAC_KEY: 'k'.repeat(16),
      AUTH_TOKEN_SECRET: 's'.repeat(32),
    });
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'secret-pw',
      database: 'neo4j',
    });
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ API_PORT: '70000', LOG_LEVEL: 'loud', NEO4J_URI: 'http://x', NEO4J_LOCAL_HEAP: 'lots', DETECTION_THREADS: '4' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['API_PORT', 'LOG_LEVEL', 'NEO4J_URI', 'NEO4J_LOCAL_HEAP', 'DETECTION_THREADS']) expect(problems).toContain(name);
    expect((error as Error).message).toMatch(/^config: /);
  });

  it('has no default password for a server of your own', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD: required when NEO4J_URI is set/);
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x'.repeat(8) })).toThrow(/PII_HMAC_KEY: required/);
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x'.repeat(8) })).toThrow(/AUTH_TOKEN_SECRET: required/);
    expect(() => loadConfig({ PII_HMAC_KEY: 'short' })).toThrow(/PII_HMAC_KEY/);
  });

  it('rejects a second database name for the single-database local server', () => {
    expect(() => loadConfig({ NEO4J_DATABASE: 'fraud' })).toThrow(/NEO4J_DATABASE/);
  });

  it('runs detection on one thread unless told two', () => {
    expect(loadConfig({}).detection.threads).toBe(1);
    expect(loadConfig({ DETECTION_THREADS: '2' }).detection.threads).toBe(2);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', NEO4J_PASSWORD: '' }).neo4j.mode).toBe('local');
  });

  it('is documented variable by variable in .env.example', () => {
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("defaults detection's parameters to the detection lib's defaults", () => {
    const { retention: _notPerRun, ...params } = loadConfig({}).detection;
    expect(params).toEqual(DETECTION_DEFAULTS);
  });

  it("defaults the fast lane to the good-faith lib's defaults, and refuses a share above 1", () => {
    expect(loadConfig({}).goodFaith).toEqual(GOOD_FAITH_DEFAULTS);
    expect(loadConfig({ GOOD_FAITH_MIN_ACCURACY: '0.95', GOOD_FAITH_REVIEW_TARGET_HOURS: '4' }).goodFaith).toMatchObject({
      minAccuracy: 0.95,
      reviewTargetHours: 4,
    });
    expect(() => loadConfig({ GOOD_FAITH_SAMPLE_RATE: '1.5', GOOD_FAITH_MIN_DECIDED: '0' })).toThrow(
      /GOOD_FAITH_SAMPLE_RATE[\s\S]*GOOD_FAITH_MIN_DECIDED|GOOD_FAITH_MIN_DECIDED[\s\S]*GOOD_FAITH_SAMPLE_RATE/,
    );
  });
});
