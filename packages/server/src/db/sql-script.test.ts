import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './sql-script';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside comments, quotes and $$ bodies', () => {
    const script = `
      create table a (x text default 'a;b'); -- a comment; with a semicolon
      create function f() returns trigger language plpgsql as $$
      begin
        raise exception 'no; never';
      end;
      $$;
      revoke all on a from public;`;
    expect(splitSqlStatements(script)).toEqual([
      "create table a (x text default 'a;b')",
      expect.stringMatching(/^create function f\(\)[\s\S]*end;\s*\$\$$/),
      'revoke all on a from public',
    ]);
  });
});
