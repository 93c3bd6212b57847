import { Module } from '@nestjs/common';
import { PracticeReadModel } from './practice-read-model';

@Module({ providers: [PracticeReadModel], exports: [PracticeReadModel] })
export class PracticesModule {}
