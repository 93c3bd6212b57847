import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { AppointmentImportController } from './appointment-import.controller';
import { AppointmentImportService } from './appointment-import.service';

@Module({
  imports: [AppointmentsModule],
  controllers: [AppointmentImportController],
  providers: [AppointmentImportService],
})
export class AppointmentImportModule {}
