/**
 * The command catalogue. A command module exports `register(program, setExit)`;
 * it adds itself to the program and reports its exit code through `setExit`
 * (it never calls process.exit, so tests can run commands in-process).
 */
import type { Command } from 'commander';
import { registerCheck } from './check.command';
import { registerDiff } from './diff.command';
import { registerSync } from './sync.command';
import { registerLint } from './lint.command';
import { registerServe } from './serve.command';
import { registerToken } from './token.command';
import { registerValidate } from './validate.command';

export type SetExit = (code: number) => void;
export type RegisterCommand = (program: Command, setExit: SetExit) => void;

export const COMMANDS: RegisterCommand[] = [registerCheck, registerDiff, registerSync, registerLint, registerServe, registerToken, registerValidate];
