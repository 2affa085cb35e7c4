import { hello } from '@jejak/workflows';

export const main = hello;
