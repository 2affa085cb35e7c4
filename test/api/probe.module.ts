import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { CurrentActor, Roles } from '@jejak/auth';
import type { Actor } from '@jejak/workflows';

class ProbeVacancyDto {
  @IsString() positionName!: string;
  @IsDateString() tmt!: string;
}

class ProbeBodyDto {
  @IsString() title!: string;
  @IsInt() @Min(1) count!: number;
  @ValidateNested({ each: true })
  @Type(() => ProbeVacancyDto)
  vacancies!: ProbeVacancyDto[];
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Holds `GET /probe/slow` open until the test releases it (no timers). */
export const slowGate = {
  entered: deferred(),
  release: deferred(),
  reset() {
    this.entered = deferred();
    this.release = deferred();
  },
};

/**
 * A stand-in for feature controllers, so the platform (auth, validation, parsing, problems) is
 * tested on its own: the real selections endpoints exercise the same paths.
 */
@Controller('probe')
class ProbeController {
  @Get('whoami')
  whoami(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Post('echo')
  echo(@Body() body: ProbeBodyDto) {
    return { received: body };
  }

  @Get('ppk-only')
  @Roles('PPK', 'SEKDA')
  ppkOnly(@CurrentActor() actor: Actor) {
    return { role: actor.role };
  }

  @Get('slow')
  async slow() {
    slowGate.entered.resolve();
    await slowGate.release.promise;
    return { finished: true };
  }

  @Get('fail')
  fail(): never {
    throw new Error('database password is hunter2');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
