#include "srs/SchedulerConfig.h"

namespace mlaprep::srs {

SchedulerConfig SchedulerConfig::defaultsForTesting()
{
    SchedulerConfig config;
    config.fuzz = false;
    return config;
}

} // namespace mlaprep::srs
