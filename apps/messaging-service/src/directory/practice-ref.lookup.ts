import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PracticeLookup } from '@claimline/backend/util-auth';
import { PracticeRefEntity } from './entities/practice-ref.entity';

/** `@Authorize({ practice })` asks the read model: a practice practice-settings has announced exists. */
@Injectable()
export class PracticeRefLookup implements PracticeLookup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  exists(practiceId: string): Promise<boolean> {
    return this.db.getRepository(PracticeRefEntity).exists({ where: { practiceId } });
  }
}
