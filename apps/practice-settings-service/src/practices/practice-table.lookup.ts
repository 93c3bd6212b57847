import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PracticeLookup } from '@claimline/backend/util-auth';
import { PracticeEntity } from './entities/practice.entity';

/** Practice settings owns the practices: the authorization guard asks its own table. */
@Injectable()
export class PracticeTableLookup implements PracticeLookup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  exists(practiceId: string): Promise<boolean> {
    return this.db.getRepository(PracticeEntity).exists({ where: { id: practiceId } });
  }
}
