import { PersonEntity } from './person.entity';

const CONTACT = Symbol('contact');

/**
 * A person another domain hands to the viewer as someone to contact — the contacts of an accepted
 * marketplace introduction: `Person.email` then shows the address to that viewer, whatever groups they
 * share. A marked copy, so the entity cached by the request's loaders (reached through other fields)
 * stays unmarked.
 */
export function asContact(person: PersonEntity): PersonEntity {
  return Object.assign({ ...person }, { [CONTACT]: true });
}

/** Whether `person` was handed out by `asContact`. */
export function isContact(person: PersonEntity): boolean {
  return (person as PersonEntity & { [CONTACT]?: boolean })[CONTACT] === true;
}
