import { getMetadataStorage, ValidationArguments, ValidationTypes, ValidatorConstraintInterface, ValidatorOptions } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/** One rule of a property and the validator that checks it (class-validator's own instance). */
interface Check {
  metadata: ValidationMetadata;
  validators: ValidatorConstraintInterface[];
}

interface PropertyPlan {
  name: string;
  conditions: ValidationMetadata[];
  defined: Check[];
  custom: Check[];
  nested: ValidationMetadata[];
}

/** What class-validator would check on objects of one class, worked out once per set of rules. */
interface ClassPlan {
  hasRules: boolean;
  allowed: ReadonlySet<string>;
  properties: PropertyPlan[];
}

const KNOWN_TYPES = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.IS_DEFINED,
]);

/**
 * Whether class-validator's `validate(object, options)` would certainly find no error, by running the same
 * rules with the same validators but none of its bookkeeping: it builds an error object for every property
 * it checks (valid or not), and finds each rule's validator by a linear search through every validator of
 * the application. On a proposal draft that was 5 % of the mutation's CPU.
 *
 * `true` only when every rule passed, synchronously. `false` means "ask class-validator": a rule failed, or
 * something here is not decided without it (an asynchronous rule, a promise to wait for, a rule type this
 * does not know, properties whitelisting would strip). So a `false` costs a second pass, never a wrong
 * answer; class-validator alone words the errors.
 *
 * Validators are looked up once per class and set of rules. That is class-validator's default container
 * (one instance per validator class, forever); the application sets no other (`useContainer`).
 */
export function quicklyValid(object: object, options: ValidatorOptions = {}, storage: Storage = getMetadataStorage()): boolean {
  return objectValid(object, undefined, options, storage);
}

/**
 * Plans by the rules array class-validator's storage returns for a class. `memoizeValidationMetadata` (installed
 * by `createValidationPipe`) makes that array the same object on every call, so each plan is worked out once.
 */
const plans = new WeakMap<ValidationMetadata[], ClassPlan | null>();

/** class-validator's `ValidationExecutor.execute`, deciding validity only. */
function objectValid(object: object, targetSchema: string | undefined, options: ValidatorOptions, storage: Storage): boolean {
  const always = options.always ?? false;
  const strictGroups = options.strictGroups ?? false;
  const rules = storage.getTargetValidationMetadatas(object.constructor, targetSchema as string, always, strictGroups, options.groups);
  let plan = plans.get(rules);
  if (plan === undefined) plans.set(rules, (plan = planFor(rules, storage)));
  if (plan === null) return false;
  if (!plan.hasRules && options.forbidUnknownValues !== false) return false;
  if (options.whitelist) {
    for (const key of Object.keys(object)) if (!plan.allowed.has(key)) return false;
  }
  for (const property of plan.properties) {
    const value = (object as Record<string, unknown>)[property.name];
    if (!propertyValid(object, value, property.conditions, property.defined, property.custom, property.nested, options, storage)) return false;
  }
  return true;
}

function planFor(rules: ValidationMetadata[], storage: Storage): ClassPlan | null {
  if (rules.some((rule) => !KNOWN_TYPES.has(rule.type))) return null;
  const grouped = storage.groupByPropertyName(rules);
  const checks = (metadatas: ValidationMetadata[]): Check[] | null => {
    const found: Check[] = [];
    for (const metadata of metadatas) {
      const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
      // An asynchronous validator: class-validator waits for it.
      if (constraints.some((constraint) => constraint.async)) return null;
      found.push({ metadata, validators: constraints.map((constraint) => constraint.instance) });
    }
    return found;
  };
  const properties: PropertyPlan[] = [];
  for (const name of Object.keys(grouped)) {
    const own = grouped[name].filter((rule) => rule.type !== ValidationTypes.IS_DEFINED && rule.type !== ValidationTypes.WHITELIST);
    const defined = checks(grouped[name].filter((rule) => rule.type === ValidationTypes.IS_DEFINED));
    const custom = checks(own.filter((rule) => rule.type === ValidationTypes.CUSTOM_VALIDATION));
    if (!defined || !custom) return null;
    properties.push({
      name,
      conditions: own.filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION),
      defined,
      custom,
      nested: own.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION),
    });
  }
  return {
    hasRules: rules.length > 0,
    allowed: new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0)),
    properties,
  };
}

/** class-validator's `performValidations`. */
function propertyValid(
  object: object,
  value: unknown,
  conditions: ValidationMetadata[],
  defined: Check[],
  custom: Check[],
  nested: ValidationMetadata[],
  options: ValidatorOptions,
  storage: Storage,
): boolean {
  let canValidate = true;
  for (const condition of conditions) if (!condition.constraints[0](object, value)) canValidate = false;
  if (!canValidate) return true;
  if (!checksPass(object, value, defined)) return false;
  if (value === undefined && options.skipUndefinedProperties === true) return true;
  if (value === null && options.skipNullProperties === true) return true;
  if ((value === null || value === undefined) && options.skipMissingProperties === true) return true;
  if (!checksPass(object, value, custom)) return false;
  return nestedValid(value, nested, options, storage);
}

/** class-validator's `customValidations`: every validator of every rule says yes, synchronously. */
function checksPass(object: object, value: unknown, checks: Check[]): boolean {
  for (const { metadata, validators } of checks) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    for (const validator of validators) {
      const args: ValidationArguments = {
        targetName: object.constructor ? object.constructor.name : (undefined as never),
        property: metadata.propertyName,
        object,
        value,
        constraints: metadata.constraints,
      };
      if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
        if (!passed(validator.validate(value, args))) return false;
        continue;
      }
      const items = value instanceof Map ? Array.from(value.values()) : Array.isArray(value) ? value : Array.from(value);
      for (const item of items) if (!passed(validator.validate(item, args))) return false;
    }
  }
  return true;
}

/** A validator's answer counts only when it is a synchronous yes. */
function passed(answer: unknown): boolean {
  if (answer !== null && typeof answer === 'object' && typeof (answer as { then?: unknown }).then === 'function') return false;
  return Boolean(answer);
}

/** class-validator's `nestedValidations`. */
function nestedValid(value: unknown, nested: ValidationMetadata[], options: ValidatorOptions, storage: Storage): boolean {
  if (value === undefined) return true;
  for (const metadata of nested) {
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
      const items = value instanceof Set ? Array.from(value) : value instanceof Map ? Array.from(value.values()) : value;
      for (const item of items) {
        if (!propertyValid(value, item, [], [], [], nested, options, storage)) return false;
      }
    } else if (value instanceof Object) {
      const targetSchema = typeof metadata.target === 'string' ? metadata.target : metadata.target.name;
      if (!objectValid(value, targetSchema, options, storage)) return false;
    } else {
      return false;
    }
  }
  return true;
}
