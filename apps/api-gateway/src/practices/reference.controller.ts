import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  checkDiagnosisCode,
  type DiagnosisCode,
  findTaxonomy,
  ICD10CM_RELEASES,
  NUCC_TAXONOMY_VERSION,
  PLACES_OF_SERVICE,
  searchDiagnoses,
  searchTaxonomy,
  type TaxonomyEntry,
} from '@claimline/reference-data';

export class TaxonomySearchQuery {
  @IsString()
  @Length(1, 100, { message: 'search must be 1 to 100 characters, e.g. clinical social worker' })
  search: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class DiagnosisSearchQuery {
  @IsString()
  @Length(1, 100, { message: 'search must be 1 to 100 characters, e.g. F43.1 or post traumatic' })
  search: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

/**
 * Public code sets (NUCC taxonomy, ICD-10-CM behavioural-health codes, CMS places of service), answered by the gateway from
 * `@claimline/reference-data`: no practice data, so no service call and no audit entry.
 */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  @Get('taxonomy')
  @ApiOperation({
    summary:
      'Search NUCC taxonomy codes by name, licence or code (e.g. "clinical social worker" → 1041C0700X)',
  })
  searchTaxonomy(@Query() query: TaxonomySearchQuery): { version: string; items: TaxonomyEntry[] } {
    return { version: NUCC_TAXONOMY_VERSION, items: searchTaxonomy(query.search, query.limit ?? 20) };
  }

  @Get('taxonomy/:code')
  @ApiOperation({ summary: 'One NUCC taxonomy code' })
  taxonomy(@Param('code') code: string): TaxonomyEntry {
    const entry = findTaxonomy(code);
    if (!entry)
      throw new NotFoundException(
        `Taxonomy code ${code.toUpperCase()} is not in the NUCC code set (v${NUCC_TAXONOMY_VERSION})`,
      );
    return entry;
  }

  @Get('icd10cm')
  @ApiOperation({
    summary:
      'Search billable ICD-10-CM codes (behavioural health) by code or words (e.g. "F43.1", "post traumatic", "ptsd")',
  })
  searchDiagnoses(@Query() query: DiagnosisSearchQuery): { releases: string[]; items: DiagnosisCode[] } {
    return {
      releases: ICD10CM_RELEASES.map((r) => r.release),
      items: searchDiagnoses(query.search, { limit: query.limit ?? 20, billableOnly: true }),
    };
  }

  @Get('icd10cm/:code')
  @ApiOperation({ summary: 'One ICD-10-CM code (dotted or not); 404 for an unknown code or a heading' })
  diagnosis(@Param('code') code: string): DiagnosisCode {
    const checked = checkDiagnosisCode(code);
    if (!checked.ok) throw new NotFoundException(checked.problems[0]?.message ?? 'Unknown ICD-10-CM code');
    return checked.value;
  }

  @Get('places-of-service')
  @ApiOperation({ summary: 'CMS place-of-service codes (11 office, 02 / 10 telehealth, …)' })
  placesOfService() {
    return { items: PLACES_OF_SERVICE };
  }
}
