import { Module } from '@nestjs/common';
import { PracticeReadModel } from './practice-read-model';
import { PracticesConsumer } from './practices.consumer';

@Module({ providers: [PracticeReadModel, PracticesConsumer], exports: [PracticeReadModel] })
export class PracticesModule {}
