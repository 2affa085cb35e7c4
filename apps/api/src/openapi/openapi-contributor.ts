import { DiscoveryService } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Marks a provider that adds to the OpenAPI document after Nest scanned the controllers (e.g.
 * the selections module documenting every command with its schema, roles, states and errors).
 * The provider implements `OpenApiContribution`.
 */
export const OpenApiContributor = DiscoveryService.createDecorator<void>();

export type OpenApiContribution = {
  contributeToOpenApi(document: OpenAPIObject): void;
};
