import { Module } from '@nestjs/common';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({ controllers: [PracticesController], providers: [PracticesService] })
export class PracticesModule {}
