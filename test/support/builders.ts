/** Small, valid contracts built per test, so each test states what it publishes. */
import { stringify } from 'yaml';

export function openapiDoc(version: string, opts: { title?: string; extraPath?: string; description?: string } = {}): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    '/shipments/{shipmentId}': {
      get: {
        operationId: 'getShipment',
        summary: 'Get a shipment',
        parameters: [{ name: 'shipmentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The shipment',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Shipment' } } },
          },
        },
      },
    },
  };
  if (opts.extraPath) {
    paths[opts.extraPath] = { get: { operationId: 'extra', summary: 'Extra', responses: { '204': { description: 'none' } } } };
  }
  return {
    openapi: '3.1.0',
    info: { title: opts.title ?? 'Shipments', version, ...(opts.description ? { description: opts.description } : {}) },
    paths,
    components: {
      schemas: {
        Shipment: { type: 'object', required: ['shipmentId'], properties: { shipmentId: { type: 'string' }, status: { type: 'string' } } },
      },
    },
  };
}

export const asYaml = (doc: unknown): string => stringify(doc);
export const asJson = (doc: unknown): string => JSON.stringify(doc, null, 2);

export function asyncapiDoc(version: string): Record<string, unknown> {
  return {
    asyncapi: '3.0.0',
    info: { title: 'Dispatch events', version },
    channels: {
      shipmentDelivered: {
        address: 'dispatch.shipment.delivered',
        messages: { shipmentDelivered: { $ref: '#/components/messages/ShipmentDelivered' } },
      },
    },
    operations: {
      sendShipmentDelivered: {
        action: 'send',
        channel: { $ref: '#/channels/shipmentDelivered' },
        messages: [{ $ref: '#/channels/shipmentDelivered/messages/shipmentDelivered' }],
      },
    },
    components: {
      messages: {
        ShipmentDelivered: {
          payload: { type: 'object', properties: { shipmentId: { type: 'string' } } },
        },
      },
    },
  };
}
