import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { readUnsubscribeToken } from '../email/unsubscribe-token';
import { DeliveryMode, NotificationCategory } from '../notification.enums';
import { NotificationPreferencesService } from '../preferences/preferences.service';

export interface UnsubscribeTarget {
  personId: string;
  category: NotificationCategory;
  locale: string;
}

/** Longer than any token we issue; anything longer is not read at all. */
const MAX_TOKEN_LENGTH = 512;

/**
 * One-click unsubscribe (RFC 8058): the signed token names a person and a category, and is the only
 * authority needed to switch that category OFF — no sign-in, nothing else can be changed with it.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whom and what the token names, or null for a malformed, forged or stale (person deleted) token. */
  async resolve(token: unknown): Promise<UnsubscribeTarget | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    const claim = readUnsubscribeToken(this.config.signingSecret, token);
    if (!claim) return null;
    const [person]: { locale: string }[] = await this.dataSource.query(`SELECT locale FROM people WHERE id = $1`, [claim.personId]);
    return person ? { ...claim, locale: person.locale } : null;
  }

  /** Switches the token's category OFF (pending emails of that category are suppressed). Null: nothing changed. */
  async unsubscribe(token: unknown): Promise<UnsubscribeTarget | null> {
    const target = await this.resolve(token);
    if (!target) return null;
    return (await this.preferences.set(target.personId, target.category, DeliveryMode.OFF)) ? target : null;
  }
}
