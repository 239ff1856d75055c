// The English texts of the scenario JSON Schema (scenarios/schema.json): every description and unit.
import { readFileSync } from 'node:fs';

export function schemaTexts(): { descriptions: Set<string>; units: Set<string> } {
  const descriptions = new Set<string>();
  const units = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const { description, unit } = node as { description?: unknown; unit?: unknown };
    if (typeof description === 'string') descriptions.add(description);
    if (typeof unit === 'string') units.add(unit);
    Object.values(node).forEach(walk);
  };
  walk(JSON.parse(readFileSync('scenarios/schema.json', 'utf8')));
  return { descriptions, units };
}
