import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsString,
  ValidateNested,
  validate,
  type ValidationError,
} from 'class-validator';
import { validationExceptionFactory } from './validation-exception.factory.js';

class VacancyDto {
  @IsString() positionName!: string;
  @IsDateString() tmt!: string;
}

class OpenDto {
  @IsString() title!: string;
  @IsInt() year!: number;
  @ValidateNested({ each: true })
  @Type(() => VacancyDto)
  vacancies!: VacancyDto[];
}

async function errorsOf(body: unknown): Promise<ValidationError[]> {
  return validate(plainToInstance(OpenDto, body) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
}

describe('validationExceptionFactory', () => {
  it('names every field by its full path, nested and in arrays, with all its messages', async () => {
    const error = validationExceptionFactory(
      await errorsOf({
        year: 'x',
        vacancies: [
          { positionName: 'Kepala Dinas', tmt: '2024-08-01' },
          { tmt: 'soon', extra: 1 },
        ],
        unexpected: true,
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', messages: ['title must be a string'] },
        { field: 'year', messages: ['year must be an integer number'] },
        { field: 'vacancies[1].positionName', messages: ['positionName must be a string'] },
        { field: 'vacancies[1].tmt', messages: ['tmt must be a valid ISO 8601 date string'] },
        { field: 'vacancies[1].extra', messages: ['property extra should not exist'] },
        { field: 'unexpected', messages: ['property unexpected should not exist'] },
      ]),
    );
    expect(error.details.errors).toHaveLength(6);
  });

  it('names the body itself when it has no field', () => {
    const error = validationExceptionFactory([
      { property: '', constraints: { isObject: 'an object is expected' }, children: [] },
    ]);
    expect(error.details.errors).toEqual([
      { field: '(body)', messages: ['an object is expected'] },
    ]);
  });
});
