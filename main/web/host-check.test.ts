import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createHostCheck } from './host-check';

describe('the Host and Origin check (DNS rebinding)', () => {
  it('accepts the bound address and localhost on the bound port only', () => {
    const check = createHostCheck('127.0.0.1', 4000);
    expect(check.isAllowedHost('127.0.0.1:4000')).toBe(true);
    expect(check.isAllowedHost('LOCALHOST:4000')).toBe(true);
    expect(check.isAllowedHost('127.0.0.1:4001')).toBe(false);
    expect(check.isAllowedHost('127.0.0.1')).toBe(false);
    expect(check.isAllowedHost('rebind.example:4000')).toBe(false);
    expect(check.isAllowedHost('127.0.0.2:4000')).toBe(false);
    expect(check.isAllowedHost('user@127.0.0.1:4000')).toBe(false);
    expect(check.isAllowedHost('127.0.0.1:4000/path')).toBe(false);
    expect(check.isAllowedHost(undefined)).toBe(false);
  });

  it('takes an Origin only as http:// plus an accepted host, never from the request', () => {
    const check = createHostCheck('127.0.0.1', 4000);
    expect(check.isAllowedOrigin('http://127.0.0.1:4000')).toBe(true);
    expect(check.isAllowedOrigin('http://localhost:4000')).toBe(true);
    expect(check.isAllowedOrigin('https://127.0.0.1:4000')).toBe(false);
    expect(check.isAllowedOrigin('http://rebind.example:4000')).toBe(false);
    expect(check.isAllowedOrigin('http://127.0.0.1:4000/page')).toBe(false);
    expect(check.isAllowedOrigin('null')).toBe(false);
    expect(check.isAllowedOrigin(undefined)).toBe(false);
  });

  it('understands IPv6 loopback in brackets', () => {
    const check = createHostCheck('::1', 4000);
    expect(check.isAllowedHost('[::1]:4000')).toBe(true);
    expect(check.isAllowedOrigin('http://[::1]:4000')).toBe(true);
    expect(check.isAllowedHost('[::2]:4000')).toBe(false);
  });

  it('bound to every interface, accepts IP literals and this machine’s name, never another DNS name', () => {
    const check = createHostCheck('0.0.0.0', 4000);
    expect(check.isAllowedHost('192.0.2.7:4000')).toBe(true);
    expect(check.isAllowedHost(`${os.hostname()}:4000`)).toBe(true);
    expect(check.isAllowedHost('rebind.example:4000')).toBe(false);
  });
});
